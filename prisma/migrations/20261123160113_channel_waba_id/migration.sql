-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "wabaId" TEXT;
