-- DropIndex
DROP INDEX "Ticket_slaNextTimerAt_idx";

-- CreateIndex
CREATE INDEX "Ticket_tenantId_slaNextTimerAt_idx" ON "Ticket"("tenantId", "slaNextTimerAt");
