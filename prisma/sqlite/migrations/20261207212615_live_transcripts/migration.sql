-- AlterTable
ALTER TABLE "Transcript" ADD COLUMN "liveFeed" TEXT;
ALTER TABLE "Transcript" ADD COLUMN "liveSince" DATETIME;
