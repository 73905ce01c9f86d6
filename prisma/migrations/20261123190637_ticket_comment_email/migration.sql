-- AlterTable
ALTER TABLE "TicketComment" ADD COLUMN     "emailId" UUID;
