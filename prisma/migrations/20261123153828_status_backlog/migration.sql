-- CreateTable
CREATE TABLE "StatusBacklog" (
    "tenantId" UUID NOT NULL,
    "providerMessageId" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "errorCode" TEXT,
    "errorTitle" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusBacklog_pkey" PRIMARY KEY ("tenantId","providerMessageId","status")
);
