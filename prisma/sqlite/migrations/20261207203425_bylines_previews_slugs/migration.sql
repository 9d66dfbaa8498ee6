-- CreateTable
CREATE TABLE "PreviewLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    CONSTRAINT "PreviewLink_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PreviewLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "transcriptId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlugRedirect_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicCredit" (
    "transcriptId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("transcriptId", "userId", "role"),
    CONSTRAINT "PublicCredit_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "PublicListing" ("transcriptId") ON DELETE CASCADE ON UPDATE CASCADE
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
    "slugSetByHand" BOOLEAN NOT NULL DEFAULT false,
    "firstPublishedAt" DATETIME,
    "publishAt" DATETIME,
    "fidelityConfirmedAt" DATETIME,
    "fidelityConfirmedById" TEXT,
    CONSTRAINT "Transcript_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transcript_fidelityConfirmedById_fkey" FOREIGN KEY ("fidelityConfirmedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Transcript" ("createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "fidelityConfirmedAt", "fidelityConfirmedById", "firstPublishedAt", "id", "language", "mediaUrl", "occurredAt", "place", "publicSlug", "publishAt", "revision", "slug", "sourceUrl", "status", "summary", "tags", "title", "updatedAt", "version", "wordCount") SELECT "createdAt", "createdById", "deletedAt", "durationMs", "fidelity", "fidelityConfirmedAt", "fidelityConfirmedById", "firstPublishedAt", "id", "language", "mediaUrl", "occurredAt", "place", "publicSlug", "publishAt", "revision", "slug", "sourceUrl", "status", "summary", "tags", "title", "updatedAt", "version", "wordCount" FROM "Transcript";
DROP TABLE "Transcript";
ALTER TABLE "new_Transcript" RENAME TO "Transcript";
CREATE UNIQUE INDEX "Transcript_slug_key" ON "Transcript"("slug");
CREATE UNIQUE INDEX "Transcript_publicSlug_key" ON "Transcript"("publicSlug");
CREATE INDEX "Transcript_status_deletedAt_idx" ON "Transcript"("status", "deletedAt");
CREATE INDEX "Transcript_createdById_createdAt_idx" ON "Transcript"("createdById", "createdAt");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'REPORTER',
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastLoginAt" DATETIME,
    "authorSlug" TEXT,
    "bio" TEXT,
    "creditOptOut" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("active", "createdAt", "email", "id", "lastLoginAt", "name", "passwordHash", "role", "sessionVersion", "updatedAt") SELECT "active", "createdAt", "email", "id", "lastLoginAt", "name", "passwordHash", "role", "sessionVersion", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_authorSlug_key" ON "User"("authorSlug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PreviewLink_tokenHash_key" ON "PreviewLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PreviewLink_transcriptId_createdAt_idx" ON "PreviewLink"("transcriptId", "createdAt");

-- CreateIndex
CREATE INDEX "SlugRedirect_transcriptId_idx" ON "SlugRedirect"("transcriptId");

-- CreateIndex
CREATE INDEX "PublicCredit_userId_idx" ON "PublicCredit"("userId");
