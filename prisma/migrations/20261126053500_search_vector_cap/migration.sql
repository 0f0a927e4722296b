-- A tsvector's text form may not exceed 1 MB: the bigrams of a body of a few
-- hundred thousand characters (the limits allow 500 000) made every save of such
-- an article fail ("string is too long for tsvector"). Only the first 50 000
-- characters of each field are indexed (about 700 KB of tokens); positions past
-- 16 383 were already merged, so phrases deep in very long texts were inexact anyway.
CREATE OR REPLACE FUNCTION search_vector(input text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH runs AS (
    SELECT r.m[1] AS run, r.n
    FROM regexp_matches(
      lower(normalize(left(coalesce(input, ''), 50000), NFKC)),
      '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]{1,64})',
      'g'
    ) WITH ORDINALITY AS r(m, n)
  ), placed AS (
    SELECT run,
      sum(char_length(run) + 1) OVER (ORDER BY n) - char_length(run) - 1 AS start,
      run ~ '^[a-z0-9]' AS latin
    FROM runs
  ), tokens AS (
    SELECT run AS token, start + 1 AS pos FROM placed WHERE latin
    UNION ALL
    SELECT substr(run, i, 2), start + i
    FROM placed, generate_series(1, char_length(run) - 1) AS i
    WHERE NOT latin
    UNION ALL
    SELECT substr(run, char_length(run), 1), start + char_length(run) FROM placed WHERE NOT latin
  )
  SELECT coalesce(string_agg('''' || token || ''':' || least(pos, 16383), ' ')::tsvector, ''::tsvector) FROM tokens
$$;
