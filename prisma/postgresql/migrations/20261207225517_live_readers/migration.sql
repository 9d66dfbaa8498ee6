-- AlterEnum
ALTER TYPE "TranscriptStatus" ADD VALUE 'LIVE';

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "awaitingApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Transcript" ADD COLUMN     "liveSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LiveEvent" (
    "transcriptId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("transcriptId","seq")
);

-- AddForeignKey
ALTER TABLE "LiveEvent" ADD CONSTRAINT "LiveEvent_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
