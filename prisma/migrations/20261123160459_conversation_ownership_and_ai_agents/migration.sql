-- CreateEnum
CREATE TYPE "ConversationOwner" AS ENUM ('AI', 'QUEUE', 'HUMAN');

-- CreateEnum
CREATE TYPE "AiAgentRole" AS ENUM ('SALES', 'SUPPORT', 'ASSISTANT');

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "aiAgentId" UUID;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "owner" "ConversationOwner" NOT NULL DEFAULT 'QUEUE',
ADD COLUMN     "ownerVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "aiAgentId" UUID,
ADD COLUMN     "fenceVersion" INTEGER,
ADD COLUMN     "isNote" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OwnershipChange" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "fromOwner" "ConversationOwner" NOT NULL,
    "toOwner" "ConversationOwner" NOT NULL,
    "fromAssigneeId" UUID,
    "toAssigneeId" UUID,
    "actorId" UUID,
    "reason" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnershipChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiAgent" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "AiAgentRole" NOT NULL,
    "personalityPrompt" TEXT NOT NULL,
    "knowledgePrompt" TEXT NOT NULL DEFAULT '',
    "objectivesPrompt" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL DEFAULT 0.4,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiAgent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OwnershipChange_tenantId_createdAt_idx" ON "OwnershipChange"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OwnershipChange_conversationId_version_key" ON "OwnershipChange"("conversationId", "version");

-- CreateIndex
CREATE INDEX "AiAgent_tenantId_idx" ON "AiAgent"("tenantId");

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_aiAgentId_fkey" FOREIGN KEY ("aiAgentId") REFERENCES "AiAgent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipChange" ADD CONSTRAINT "OwnershipChange_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipChange" ADD CONSTRAINT "OwnershipChange_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiAgent" ADD CONSTRAINT "AiAgent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
