-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "lastMessageFromAi" BOOLEAN NOT NULL DEFAULT false;
