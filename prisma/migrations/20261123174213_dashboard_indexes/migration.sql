-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "resolvedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Conversation_tenantId_createdAt_idx" ON "Conversation"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Conversation_tenantId_status_owner_assigneeId_idx" ON "Conversation"("tenantId", "status", "owner", "assigneeId");

-- CreateIndex
CREATE INDEX "Conversation_tenantId_resolvedAt_idx" ON "Conversation"("tenantId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Message_tenantId_createdAt_direction_aiAgentId_senderId_isN_idx" ON "Message"("tenantId", "createdAt", "direction", "aiAgentId", "senderId", "isNote", "conversationId");
