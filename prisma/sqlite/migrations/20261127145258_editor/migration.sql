-- The editor: per-paragraph versions and soft deletion, revisions, annotations, sharing, presence, and entities
-- shared across transcripts. Existing rows are carried over: each old per-transcript entity keeps its id as a
-- TranscriptEntity (so its mentions still point at it), linked to one shared Entity per (type, name), with its
-- mentionCount recounted from the stored mentions.

-- CreateTable
CREATE TABLE "TranscriptEntity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SUGGESTED',
    "mentionCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TranscriptEntity_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TranscriptEntity_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TranscriptShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TranscriptShare_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TranscriptShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TranscriptShare_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "actorId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Revision_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Revision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Annotation" (
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
    CONSTRAINT "Annotation_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnnotationReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "annotationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    CONSTRAINT "AnnotationReply_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AnnotationReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Presence" (
    "transcriptId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "segmentId" TEXT,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("transcriptId", "userId", "clientId"),
    CONSTRAINT "Presence_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Entity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Entity" ("id", "type", "name") SELECT min("id"), "type", "name" FROM "Entity" GROUP BY "type", "name";
INSERT INTO "TranscriptEntity" ("id", "transcriptId", "entityId", "status", "mentionCount")
    SELECT e."id", e."transcriptId",
        (SELECT min(g."id") FROM "Entity" g WHERE g."type" = e."type" AND g."name" = e."name"),
        e."status",
        (SELECT count(*) FROM "Mention" m WHERE m."entityId" = e."id")
    FROM "Entity" e;
DROP TABLE "Entity";
ALTER TABLE "new_Entity" RENAME TO "Entity";
CREATE UNIQUE INDEX "Entity_type_name_key" ON "Entity"("type", "name");
CREATE TABLE "new_Mention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptEntityId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CONSTRAINT "Mention_transcriptEntityId_fkey" FOREIGN KEY ("transcriptEntityId") REFERENCES "TranscriptEntity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Mention" ("id", "transcriptEntityId", "segmentId", "start", "end") SELECT "id", "entityId", "segmentId", "start", "end" FROM "Mention";
DROP TABLE "Mention";
ALTER TABLE "new_Mention" RENAME TO "Mention";
CREATE INDEX "Mention_transcriptEntityId_idx" ON "Mention"("transcriptEntityId");
CREATE INDEX "Mention_segmentId_idx" ON "Mention"("segmentId");
CREATE TABLE "new_Segment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "position" REAL NOT NULL,
    "speakerId" TEXT,
    "text" TEXT NOT NULL,
    "startMs" INTEGER,
    "endMs" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME,
    "updatedById" TEXT,
    "deletedAt" DATETIME,
    CONSTRAINT "Segment_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Segment_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Segment_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Segment" ("endMs", "id", "position", "speakerId", "startMs", "text", "transcriptId") SELECT "endMs", "id", "position", "speakerId", "startMs", "text", "transcriptId" FROM "Segment";
DROP TABLE "Segment";
ALTER TABLE "new_Segment" RENAME TO "Segment";
CREATE INDEX "Segment_transcriptId_position_idx" ON "Segment"("transcriptId", "position");
CREATE TABLE "new_Speaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "role" TEXT,
    "outlet" TEXT,
    "position" INTEGER NOT NULL,
    "personId" TEXT,
    CONSTRAINT "Speaker_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Speaker_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Entity" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Speaker" ("id", "name", "outlet", "position", "role", "title", "transcriptId") SELECT "id", "name", "outlet", "position", "role", "title", "transcriptId" FROM "Speaker";
DROP TABLE "Speaker";
ALTER TABLE "new_Speaker" RENAME TO "Speaker";
CREATE UNIQUE INDEX "Speaker_transcriptId_name_key" ON "Speaker"("transcriptId", "name");
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
    CONSTRAINT "Transcript_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Transcript" ("createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "id", "language", "mediaUrl", "occurredAt", "place", "slug", "sourceUrl", "status", "summary", "title", "updatedAt", "version", "wordCount") SELECT "createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "id", "language", "mediaUrl", "occurredAt", "place", "slug", "sourceUrl", "status", "summary", "title", "updatedAt", "version", "wordCount" FROM "Transcript";
DROP TABLE "Transcript";
ALTER TABLE "new_Transcript" RENAME TO "Transcript";
CREATE UNIQUE INDEX "Transcript_slug_key" ON "Transcript"("slug");
CREATE INDEX "Transcript_status_deletedAt_idx" ON "Transcript"("status", "deletedAt");
CREATE INDEX "Transcript_createdById_createdAt_idx" ON "Transcript"("createdById", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every existing transcript starts its history at revision 1, the upload.
INSERT INTO "Revision" ("id", "transcriptId", "number", "actorId", "at", "action", "summary", "changes")
    SELECT 'r1' || "id", "id", 1, "createdById", "createdAt", 'transcript.created', 'Uploaded', '[]' FROM "Transcript";

-- CreateIndex
CREATE INDEX "TranscriptEntity_entityId_idx" ON "TranscriptEntity"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptEntity_transcriptId_entityId_key" ON "TranscriptEntity"("transcriptId", "entityId");

-- CreateIndex
CREATE INDEX "TranscriptShare_userId_idx" ON "TranscriptShare"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptShare_transcriptId_userId_key" ON "TranscriptShare"("transcriptId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_transcriptId_number_key" ON "Revision"("transcriptId", "number");

-- CreateIndex
CREATE INDEX "Annotation_transcriptId_status_idx" ON "Annotation"("transcriptId", "status");

-- CreateIndex
CREATE INDEX "Annotation_segmentId_idx" ON "Annotation"("segmentId");

-- CreateIndex
CREATE INDEX "AnnotationReply_annotationId_idx" ON "AnnotationReply"("annotationId");

-- CreateIndex
CREATE INDEX "Presence_transcriptId_seenAt_idx" ON "Presence"("transcriptId", "seenAt");
