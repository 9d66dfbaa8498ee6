-- Key quotes list in reading order: where each starts in its paragraph.
ALTER TABLE "PublicQuoteEntry" ADD COLUMN "start" INTEGER NOT NULL DEFAULT 0;
