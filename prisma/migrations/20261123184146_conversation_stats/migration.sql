-- CreateTable
CREATE TABLE "ConversationStats" (
    "conversationId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "initialOwner" "ConversationOwner" NOT NULL,
    "currentOwner" "ConversationOwner" NOT NULL,
    "ownerSince" TIMESTAMP(3) NOT NULL,
    "botMs" DOUBLE PRECISION NOT NULL,
    "humanMs" DOUBLE PRECISION NOT NULL,
    "queueMs" DOUBLE PRECISION NOT NULL,
    "everAi" BOOLEAN NOT NULL,
    "everHuman" BOOLEAN NOT NULL,
    "takenOver" BOOLEAN NOT NULL,
    "handedBack" BOOLEAN NOT NULL,
    "aiResolved" BOOLEAN NOT NULL,
    "escalationReasons" TEXT[],
    "handoffAt" TIMESTAMP(3),
    "humanFirstResponseMs" DOUBLE PRECISION,
    "firstResponderId" UUID,
    "resolutionMs" DOUBLE PRECISION,
    "aiResponseMs" DOUBLE PRECISION[],
    "aiResponseMaxMs" DOUBLE PRECISION,
    "humanOwnerIds" UUID[],
    "takeoverActorIds" UUID[],
    "replySenderIds" UUID[],
    "replySenderCounts" INTEGER[],
    "personaIds" UUID[],
    "personaReplyCounts" INTEGER[],
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationStats_pkey" PRIMARY KEY ("conversationId")
);

-- CreateIndex
CREATE INDEX "ConversationStats_tenantId_createdAt_idx" ON "ConversationStats"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConversationStats" ADD CONSTRAINT "ConversationStats_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
