-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TicketPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "SlaState" AS ENUM ('none', 'running', 'paused', 'met', 'at_risk', 'breached');

-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('IDLE', 'PENDING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('assigned', 'commented', 'sla_at_risk', 'sla_breached');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "businessCalendar" JSONB;

-- CreateTable
CREATE TABLE "TicketCounter" (
    "tenantId" UUID NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 1000,

    CONSTRAINT "TicketCounter_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "TicketStatus" NOT NULL DEFAULT 'NEW',
    "priority" "TicketPriority" NOT NULL DEFAULT 'NORMAL',
    "priorityRank" INTEGER NOT NULL DEFAULT 1,
    "assigneeId" UUID,
    "contactId" UUID,
    "conversationId" UUID,
    "createdById" UUID,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "commentCount" INTEGER NOT NULL DEFAULT 0,
    "slaVersion" INTEGER NOT NULL DEFAULT 0,
    "slaState" "SlaState" NOT NULL DEFAULT 'none',
    "slaDueAt" TIMESTAMP(3),
    "slaNextTimerAt" TIMESTAMP(3),
    "slaClocks" JSONB,
    "slaPauses" JSONB NOT NULL DEFAULT '[]',
    "firstRespondedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "analysisStatus" "AnalysisStatus" NOT NULL DEFAULT 'IDLE',
    "analysisResult" JSONB,
    "analysisError" TEXT,
    "analysedAt" TIMESTAMP(3),
    "analysisVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketActivity" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "actorId" UUID,
    "field" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketComment" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "authorId" UUID,
    "internal" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "messageId" UUID,
    "deliveryNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "tenantId" UUID NOT NULL,
    "priority" "TicketPriority" NOT NULL,
    "firstResponseMinutes" DOUBLE PRECISION,
    "resolutionMinutes" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("tenantId","priority")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "ticketId" UUID NOT NULL,
    "actorId" UUID,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Ticket_tenantId_updatedAt_number_idx" ON "Ticket"("tenantId", "updatedAt", "number");

-- CreateIndex
CREATE INDEX "Ticket_tenantId_status_number_idx" ON "Ticket"("tenantId", "status", "number");

-- CreateIndex
CREATE INDEX "Ticket_tenantId_assigneeId_number_idx" ON "Ticket"("tenantId", "assigneeId", "number");

-- CreateIndex
CREATE INDEX "Ticket_tenantId_slaDueAt_number_idx" ON "Ticket"("tenantId", "slaDueAt", "number");

-- CreateIndex
CREATE INDEX "Ticket_tenantId_conversationId_idx" ON "Ticket"("tenantId", "conversationId");

-- CreateIndex
CREATE INDEX "Ticket_slaNextTimerAt_idx" ON "Ticket"("slaNextTimerAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_tenantId_number_key" ON "Ticket"("tenantId", "number");

-- CreateIndex
CREATE INDEX "TicketActivity_tenantId_ticketId_createdAt_idx" ON "TicketActivity"("tenantId", "ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "TicketComment_tenantId_ticketId_createdAt_idx" ON "TicketComment"("tenantId", "ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_tenantId_userId_createdAt_id_idx" ON "Notification"("tenantId", "userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Notification_tenantId_userId_readAt_idx" ON "Notification"("tenantId", "userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_tenantId_dedupeKey_key" ON "Notification"("tenantId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "TicketCounter" ADD CONSTRAINT "TicketCounter_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketActivity" ADD CONSTRAINT "TicketActivity_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketComment" ADD CONSTRAINT "TicketComment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
