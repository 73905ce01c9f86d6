-- CreateEnum
CREATE TYPE "ContactSource" AS ENUM ('WHATSAPP', 'WEB_FORM', 'EMAIL', 'MANUAL', 'IMPORT');

-- CreateEnum
CREATE TYPE "ContactStage" AS ENUM ('NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'SKIPPED');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'PROCESSED', 'DEFERRED', 'DELIVERED', 'BOUNCED', 'DROPPED', 'FAILED');

-- CreateEnum
CREATE TYPE "EmailDraftStatus" AS ENUM ('PENDING', 'READY', 'FAILED');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "company" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "doNotEmail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "doNotEmailReason" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "ownerId" UUID,
ADD COLUMN     "source" "ContactSource" NOT NULL DEFAULT 'WHATSAPP',
ADD COLUMN     "stage" "ContactStage" NOT NULL DEFAULT 'NEW',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "phone" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ContactStageChange" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "fromStage" "ContactStage",
    "toStage" "ContactStage" NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmSettings" (
    "tenantId" UUID NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "fromAddress" TEXT,
    "fromName" TEXT NOT NULL DEFAULT '',
    "sendgridApiKey" TEXT,
    "webhookPublicKey" TEXT,
    "cadenceCustomised" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CrmSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "CadenceStep" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "dayOffset" INTEGER NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "CadenceStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "assigneeId" UUID,
    "title" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "snoozedUntil" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "completedById" UUID,
    "skipReason" TEXT,
    "emailId" UUID,
    "cadenceStep" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Email" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "taskId" UUID,
    "senderUserId" UUID,
    "clientEmailId" UUID,
    "fromName" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "outbox" BOOLEAN NOT NULL DEFAULT false,
    "providerMessageId" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "firstOpenedAt" TIMESTAMP(3),
    "lastOpenedAt" TIMESTAMP(3),
    "openCount" INTEGER NOT NULL DEFAULT 0,
    "clicks" JSONB NOT NULL DEFAULT '[]',
    "bounceReason" TEXT,
    "dropReason" TEXT,
    "spamReportedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Email_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailEvent" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "emailId" UUID NOT NULL,
    "sgEventId" TEXT,
    "fingerprint" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailDraft" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "taskId" UUID,
    "requestedById" UUID NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "status" "EmailDraftStatus" NOT NULL DEFAULT 'PENDING',
    "subject" TEXT NOT NULL DEFAULT '',
    "html" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebForm" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "formKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "requiredFields" TEXT[] DEFAULT ARRAY['name']::TEXT[],
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ownerId" UUID,
    "submissionCount" INTEGER NOT NULL DEFAULT 0,
    "lastSubmissionAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebForm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactStageChange_tenantId_contactId_createdAt_idx" ON "ContactStageChange"("tenantId", "contactId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactStageChange_tenantId_createdAt_idx" ON "ContactStageChange"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CadenceStep_tenantId_position_key" ON "CadenceStep"("tenantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Task_emailId_key" ON "Task"("emailId");

-- CreateIndex
CREATE INDEX "Task_tenantId_status_assigneeId_dueAt_id_idx" ON "Task"("tenantId", "status", "assigneeId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Task_tenantId_status_dueAt_id_idx" ON "Task"("tenantId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Task_tenantId_contactId_dueAt_idx" ON "Task"("tenantId", "contactId", "dueAt");

-- CreateIndex
CREATE INDEX "Email_tenantId_contactId_createdAt_idx" ON "Email"("tenantId", "contactId", "createdAt");

-- CreateIndex
CREATE INDEX "Email_tenantId_outbox_createdAt_idx" ON "Email"("tenantId", "outbox", "createdAt");

-- CreateIndex
CREATE INDEX "Email_tenantId_status_idx" ON "Email"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Email_tenantId_clientEmailId_key" ON "Email"("tenantId", "clientEmailId");

-- CreateIndex
CREATE INDEX "EmailEvent_tenantId_emailId_occurredAt_idx" ON "EmailEvent"("tenantId", "emailId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailEvent_tenantId_sgEventId_key" ON "EmailEvent"("tenantId", "sgEventId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailEvent_tenantId_emailId_fingerprint_key" ON "EmailEvent"("tenantId", "emailId", "fingerprint");

-- CreateIndex
CREATE INDEX "EmailDraft_tenantId_contactId_createdAt_idx" ON "EmailDraft"("tenantId", "contactId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebForm_formKey_key" ON "WebForm"("formKey");

-- CreateIndex
CREATE INDEX "WebForm_tenantId_createdAt_idx" ON "WebForm"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Contact_tenantId_createdAt_id_idx" ON "Contact"("tenantId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Contact_tenantId_updatedAt_id_idx" ON "Contact"("tenantId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Contact_tenantId_stage_idx" ON "Contact"("tenantId", "stage");

-- CreateIndex
CREATE INDEX "Contact_tenantId_ownerId_idx" ON "Contact"("tenantId", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_tenantId_email_key" ON "Contact"("tenantId", "email");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactStageChange" ADD CONSTRAINT "ContactStageChange_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactStageChange" ADD CONSTRAINT "ContactStageChange_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrmSettings" ADD CONSTRAINT "CrmSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CadenceStep" ADD CONSTRAINT "CadenceStep_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Email" ADD CONSTRAINT "Email_senderUserId_fkey" FOREIGN KEY ("senderUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailEvent" ADD CONSTRAINT "EmailEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailEvent" ADD CONSTRAINT "EmailEvent_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "Email"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailDraft" ADD CONSTRAINT "EmailDraft_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebForm" ADD CONSTRAINT "WebForm_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
