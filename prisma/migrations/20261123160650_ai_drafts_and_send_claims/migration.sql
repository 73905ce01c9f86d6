-- CreateEnum
CREATE TYPE "AiDraftStatus" AS ENUM ('READY', 'STALE', 'USED', 'DISCARDED');

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "claimedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AiDraft" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "aiAgentId" UUID,
    "body" TEXT NOT NULL,
    "status" "AiDraftStatus" NOT NULL DEFAULT 'READY',
    "origin" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AiDraft_tenantId_conversationId_createdAt_idx" ON "AiDraft"("tenantId", "conversationId", "createdAt");

-- AddForeignKey
ALTER TABLE "AiDraft" ADD CONSTRAINT "AiDraft_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
