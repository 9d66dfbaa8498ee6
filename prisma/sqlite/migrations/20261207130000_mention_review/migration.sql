-- Entity mentions that an edit moved or cut wait for a person, as annotations do (lib/anchoring's rule).
-- Added columns rather than a rebuilt table: existing mentions stay anchored with no quote stored.
ALTER TABLE "Mention" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'ANCHORED';
ALTER TABLE "Mention" ADD COLUMN "reviewReason" TEXT;
ALTER TABLE "Mention" ADD COLUMN "exact" TEXT;
ALTER TABLE "Mention" ADD COLUMN "prefix" TEXT;
ALTER TABLE "Mention" ADD COLUMN "suffix" TEXT;
