-- CreateTable
CREATE TABLE "LiveEvent" (
    "transcriptId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("transcriptId", "seq"),
    CONSTRAINT "LiveEvent_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ANCHORED',
    "reviewReason" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "verdict" TEXT,
    "claim" TEXT,
    "sources" TEXT NOT NULL DEFAULT '[]',
    "checker" TEXT,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "awaitingApproval" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Annotation_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Annotation" ("authorId", "body", "checker", "claim", "createdAt", "deletedAt", "end", "exact", "id", "kind", "prefix", "resolvedAt", "resolvedById", "reviewReason", "segmentId", "sources", "start", "status", "suffix", "transcriptId", "updatedAt", "verdict", "version") SELECT "authorId", "body", "checker", "claim", "createdAt", "deletedAt", "end", "exact", "id", "kind", "prefix", "resolvedAt", "resolvedById", "reviewReason", "segmentId", "sources", "start", "status", "suffix", "transcriptId", "updatedAt", "verdict", "version" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE INDEX "Annotation_transcriptId_status_idx" ON "Annotation"("transcriptId", "status");
CREATE INDEX "Annotation_segmentId_idx" ON "Annotation"("segmentId");
CREATE TABLE "new_Transcript" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "occurredAt" DATETIME,
    "place" TEXT,
    "language" TEXT,
    "sourceUrl" TEXT,
    "mediaUrl" TEXT,
    "fidelity" TEXT NOT NULL DEFAULT 'CLEAN_READ',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "publicSlug" TEXT,
    "slugSetByHand" BOOLEAN NOT NULL DEFAULT false,
    "liveSince" DATETIME,
    "liveFeed" TEXT,
    "liveSeq" INTEGER NOT NULL DEFAULT 0,
    "firstPublishedAt" DATETIME,
    "publishAt" DATETIME,
    "fidelityConfirmedAt" DATETIME,
    "fidelityConfirmedById" TEXT,
    CONSTRAINT "Transcript_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transcript_fidelityConfirmedById_fkey" FOREIGN KEY ("fidelityConfirmedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Transcript" ("createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "fidelityConfirmedAt", "fidelityConfirmedById", "firstPublishedAt", "id", "language", "liveFeed", "liveSince", "mediaUrl", "occurredAt", "place", "publicSlug", "publishAt", "revision", "slug", "slugSetByHand", "sourceUrl", "status", "summary", "tags", "title", "updatedAt", "version", "wordCount") SELECT "createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "fidelityConfirmedAt", "fidelityConfirmedById", "firstPublishedAt", "id", "language", "liveFeed", "liveSince", "mediaUrl", "occurredAt", "place", "publicSlug", "publishAt", "revision", "slug", "slugSetByHand", "sourceUrl", "status", "summary", "tags", "title", "updatedAt", "version", "wordCount" FROM "Transcript";
DROP TABLE "Transcript";
ALTER TABLE "new_Transcript" RENAME TO "Transcript";
CREATE UNIQUE INDEX "Transcript_slug_key" ON "Transcript"("slug");
CREATE UNIQUE INDEX "Transcript_publicSlug_key" ON "Transcript"("publicSlug");
CREATE INDEX "Transcript_status_deletedAt_idx" ON "Transcript"("status", "deletedAt");
CREATE INDEX "Transcript_createdById_createdAt_idx" ON "Transcript"("createdById", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
