-- AlterTable
ALTER TABLE "Transcript" ADD COLUMN     "liveFeed" TEXT,
ADD COLUMN     "liveSince" TIMESTAMP(3);
