-- Full-text search on PostgreSQL: the same jobs as SQLite's FTS5 tables (prisma/sqlite/migrations/*_public_index),
-- as stored tsvector columns kept up to date by PostgreSQL itself, each with a GIN index. English stemming, like
-- FTS5's porter tokenizer, and accents ignored, like its remove_diacritics: "Bérubé" finds "Berube".
CREATE EXTENSION IF NOT EXISTS unaccent;

-- English stemming without English's stop words: FTS5 keeps every word, and a phrase means its words in order
-- ("sea of azov" must not match "the sea near Azov", which it would if "of" were dropped from the query).
CREATE TEXT SEARCH DICTIONARY verbatim_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION verbatim (COPY = english);
ALTER TEXT SEARCH CONFIGURATION verbatim
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH verbatim_stem;

-- unaccent() is not IMMUTABLE (its dictionary could change), so it cannot feed a generated column directly; this
-- wrapper names the dictionary and promises what a generated column needs. The query side uses the same function.
CREATE FUNCTION verbatim_search_vector(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('verbatim'::regconfig, public.unaccent('public.unaccent'::regdictionary, coalesce(body, ''))) $$;

CREATE FUNCTION verbatim_search_query(query text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsquery('verbatim'::regconfig, public.unaccent('public.unaccent'::regdictionary, query)) $$;

ALTER TABLE "PublicParagraph"
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (verbatim_search_vector("text")) STORED;
CREATE INDEX "PublicParagraph_searchVector_idx" ON "PublicParagraph" USING GIN ("searchVector");

ALTER TABLE "Segment"
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (verbatim_search_vector("text")) STORED;
CREATE INDEX "Segment_searchVector_idx" ON "Segment" USING GIN ("searchVector");
