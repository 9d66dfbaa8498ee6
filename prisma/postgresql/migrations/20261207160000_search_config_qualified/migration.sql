-- The search functions name their text search configuration with its schema, as they already name unaccent's:
-- pg_restore (npm run restore) runs with an empty search_path, where a bare 'verbatim'::regconfig is not found and
-- the restore of the tables whose generated columns call these functions fails.
CREATE OR REPLACE FUNCTION verbatim_search_vector(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('public.verbatim'::regconfig, public.unaccent('public.unaccent'::regdictionary, coalesce(body, ''))) $$;

CREATE OR REPLACE FUNCTION verbatim_search_query(query text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsquery('public.verbatim'::regconfig, public.unaccent('public.unaccent'::regdictionary, query)) $$;
