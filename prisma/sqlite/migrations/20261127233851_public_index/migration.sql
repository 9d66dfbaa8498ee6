-- CreateTable
CREATE TABLE "PublicListing" (
    "transcriptId" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "occurredAt" DATETIME,
    "place" TEXT,
    "language" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "sortDate" DATETIME NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "fidelity" TEXT NOT NULL,
    "timed" BOOLEAN NOT NULL,
    "quoteCount" INTEGER NOT NULL,
    "speakers" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "PublicListing_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicParagraph" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "transcriptId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "speakerName" TEXT,
    "speakerSlug" TEXT,
    "outlet" TEXT,
    "startMs" INTEGER,
    CONSTRAINT "PublicParagraph_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "PublicListing" ("transcriptId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicAppearance" (
    "transcriptId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "outlet" TEXT,
    "role" TEXT,
    "paragraphCount" INTEGER NOT NULL,
    "wordCount" INTEGER NOT NULL,

    PRIMARY KEY ("transcriptId", "slug"),
    CONSTRAINT "PublicAppearance_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "PublicListing" ("transcriptId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicTopic" (
    "transcriptId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mentionCount" INTEGER NOT NULL,

    PRIMARY KEY ("transcriptId", "entityId"),
    CONSTRAINT "PublicTopic_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "PublicListing" ("transcriptId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicQuoteEntry" (
    "annotationId" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "speakerName" TEXT,
    "speakerSlug" TEXT,
    "publishedAt" DATETIME NOT NULL,
    CONSTRAINT "PublicQuoteEntry_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "PublicListing" ("transcriptId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicListing_slug_key" ON "PublicListing"("slug");

-- CreateIndex
CREATE INDEX "PublicListing_publishedAt_idx" ON "PublicListing"("publishedAt");

-- CreateIndex
CREATE INDEX "PublicListing_sortDate_idx" ON "PublicListing"("sortDate");

-- CreateIndex
CREATE INDEX "PublicParagraph_speakerSlug_idx" ON "PublicParagraph"("speakerSlug");

-- CreateIndex
CREATE INDEX "PublicParagraph_outlet_idx" ON "PublicParagraph"("outlet");

-- CreateIndex
CREATE UNIQUE INDEX "PublicParagraph_transcriptId_number_key" ON "PublicParagraph"("transcriptId", "number");

-- CreateIndex
CREATE INDEX "PublicAppearance_slug_idx" ON "PublicAppearance"("slug");

-- CreateIndex
CREATE INDEX "PublicTopic_type_slug_idx" ON "PublicTopic"("type", "slug");

-- CreateIndex
CREATE INDEX "PublicQuoteEntry_transcriptId_idx" ON "PublicQuoteEntry"("transcriptId");

-- CreateIndex
CREATE INDEX "PublicQuoteEntry_speakerSlug_idx" ON "PublicQuoteEntry"("speakerSlug");

-- CreateIndex
CREATE INDEX "PublicQuoteEntry_publishedAt_idx" ON "PublicQuoteEntry"("publishedAt");

-- Full-text search (FTS5). Prisma cannot describe these: see the note above the public index in schema.prisma.
-- Published paragraphs: external content, so each paragraph's text is stored once, in PublicParagraph.
CREATE VIRTUAL TABLE "PublicParagraphFts" USING fts5(
    text,
    content = 'PublicParagraph',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "PublicParagraph_fts_insert" AFTER INSERT ON "PublicParagraph" BEGIN
    INSERT INTO "PublicParagraphFts" (rowid, text) VALUES (new."id", new."text");
END;

CREATE TRIGGER "PublicParagraph_fts_delete" AFTER DELETE ON "PublicParagraph" BEGIN
    INSERT INTO "PublicParagraphFts" ("PublicParagraphFts", rowid, text) VALUES ('delete', old."id", old."text");
END;

CREATE TRIGGER "PublicParagraph_fts_update" AFTER UPDATE OF "text" ON "PublicParagraph" BEGIN
    INSERT INTO "PublicParagraphFts" ("PublicParagraphFts", rowid, text) VALUES ('delete', old."id", old."text");
    INSERT INTO "PublicParagraphFts" (rowid, text) VALUES (new."id", new."text");
END;

-- The working copy, for staff search at /desk/search: every paragraph, deleted ones filtered out by the query.
-- Paragraphs are never removed from Segment (deletion is soft), so the index follows inserts and text changes.
CREATE VIRTUAL TABLE "DeskSegmentFts" USING fts5(
    text,
    content = 'Segment',
    content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Segment_fts_insert" AFTER INSERT ON "Segment" BEGIN
    INSERT INTO "DeskSegmentFts" (rowid, text) VALUES (new.rowid, new."text");
END;

CREATE TRIGGER "Segment_fts_update" AFTER UPDATE OF "text" ON "Segment" BEGIN
    INSERT INTO "DeskSegmentFts" ("DeskSegmentFts", rowid, text) VALUES ('delete', old.rowid, old."text");
    INSERT INTO "DeskSegmentFts" (rowid, text) VALUES (new.rowid, new."text");
END;

CREATE TRIGGER "Segment_fts_delete" AFTER DELETE ON "Segment" BEGIN
    INSERT INTO "DeskSegmentFts" ("DeskSegmentFts", rowid, text) VALUES ('delete', old.rowid, old."text");
END;

INSERT INTO "DeskSegmentFts" ("DeskSegmentFts") VALUES ('rebuild');
