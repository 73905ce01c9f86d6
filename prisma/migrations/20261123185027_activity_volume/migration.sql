-- CreateTable
CREATE TABLE "ActivityVolume" (
    "tenantId" UUID NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "conversations" INTEGER NOT NULL,
    "inbound" INTEGER NOT NULL,
    "outbound" INTEGER NOT NULL,
    "aiReplies" INTEGER NOT NULL,
    "humanReplies" INTEGER NOT NULL,

    CONSTRAINT "ActivityVolume_pkey" PRIMARY KEY ("tenantId","bucketStart")
);

-- AddForeignKey
ALTER TABLE "ActivityVolume" ADD CONSTRAINT "ActivityVolume_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
