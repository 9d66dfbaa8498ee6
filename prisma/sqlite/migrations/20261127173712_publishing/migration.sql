-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "Publication_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Publication_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "publicationNumber" INTEGER NOT NULL,
    "actorId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Correction_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Correction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkflowEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "note" TEXT,
    "overrides" TEXT NOT NULL DEFAULT '[]',
    "actorId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkflowEvent_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WorkflowEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "firstPublishedAt" DATETIME,
    "publishAt" DATETIME,
    "fidelityConfirmedAt" DATETIME,
    "fidelityConfirmedById" TEXT,
    CONSTRAINT "Transcript_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transcript_fidelityConfirmedById_fkey" FOREIGN KEY ("fidelityConfirmedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Transcript" ("createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "id", "language", "mediaUrl", "occurredAt", "place", "revision", "slug", "sourceUrl", "status", "summary", "tags", "title", "updatedAt", "version", "wordCount") SELECT "createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "id", "language", "mediaUrl", "occurredAt", "place", "revision", "slug", "sourceUrl", "status", "summary", "tags", "title", "updatedAt", "version", "wordCount" FROM "Transcript";
DROP TABLE "Transcript";
ALTER TABLE "new_Transcript" RENAME TO "Transcript";
CREATE UNIQUE INDEX "Transcript_slug_key" ON "Transcript"("slug");
CREATE UNIQUE INDEX "Transcript_publicSlug_key" ON "Transcript"("publicSlug");
CREATE INDEX "Transcript_status_deletedAt_idx" ON "Transcript"("status", "deletedAt");
CREATE INDEX "Transcript_createdById_createdAt_idx" ON "Transcript"("createdById", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Publication_transcriptId_publishedAt_idx" ON "Publication"("transcriptId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_transcriptId_number_key" ON "Publication"("transcriptId", "number");

-- CreateIndex
CREATE INDEX "Correction_transcriptId_at_idx" ON "Correction"("transcriptId", "at");

-- CreateIndex
CREATE INDEX "Correction_at_idx" ON "Correction"("at");

-- CreateIndex
CREATE INDEX "WorkflowEvent_transcriptId_at_idx" ON "WorkflowEvent"("transcriptId", "at");
