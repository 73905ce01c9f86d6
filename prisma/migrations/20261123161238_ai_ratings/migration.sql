-- CreateTable
CREATE TABLE "AiRating" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "aiAgentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "correction" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AiRating_tenantId_aiAgentId_idx" ON "AiRating"("tenantId", "aiAgentId");

-- CreateIndex
CREATE UNIQUE INDEX "AiRating_messageId_userId_key" ON "AiRating"("messageId", "userId");
