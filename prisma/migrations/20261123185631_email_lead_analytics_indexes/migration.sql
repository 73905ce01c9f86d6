-- CreateIndex
CREATE INDEX "Email_tenantId_sentAt_idx" ON "Email"("tenantId", "sentAt");

-- CreateIndex
CREATE INDEX "EmailEvent_tenantId_type_occurredAt_idx" ON "EmailEvent"("tenantId", "type", "occurredAt");
