-- CreateTable
CREATE TABLE "search_documents" (
    "article_id" INTEGER NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "issue_date" DATE NOT NULL,
    "published" BOOLEAN NOT NULL,
    "page_id" INTEGER NOT NULL,
    "page_code" VARCHAR(16) NOT NULL,
    "page_name" VARCHAR(100) NOT NULL,
    "page_names" TEXT[],
    "title" TEXT NOT NULL,
    "byline" TEXT NOT NULL DEFAULT '',
    "extra" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "vector" tsvector NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING GIN ("vector");

-- CreateIndex
CREATE INDEX "search_documents_published_issue_date_idx" ON "search_documents"("published", "issue_date");

-- CreateIndex
CREATE INDEX "search_documents_edition_id_idx" ON "search_documents"("edition_id");

-- Everything below is written by hand: the functions and triggers that keep
-- search_documents in step with articles, pages and editions. The schema diff
-- ignores functions and triggers.

-- A text's search tokens as a tsvector: runs of CJK characters give their
-- overlapping character bigrams plus the run's last character (so a single
-- character is found by prefix), Latin letters and digits give whole words of
-- up to 64 characters, after NFKC normalisation and lower case. A run starting
-- at `start` (the sum of char_length + 1 of the runs before it) puts its tokens
-- at start + 1, start + 2, …; lib/search/tokens.ts computes the same positions
-- for phrase queries, so the two must change together.
CREATE FUNCTION search_vector(input text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH runs AS (
    SELECT r.m[1] AS run, r.n
    FROM regexp_matches(
      lower(normalize(coalesce(input, ''), NFKC)),
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

-- The searchable text of an article body: paragraphs, subheads and captions.
CREATE FUNCTION search_body_text(body jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(coalesce(e.b ->> 'text', e.b ->> 'caption'), E'\n' ORDER BY e.n), '')
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(body) = 'array' THEN body ELSE '[]'::jsonb END)
    WITH ORDINALITY AS e(b, n)
  WHERE jsonb_typeof(e.b) = 'object' AND coalesce(e.b ->> 'text', e.b ->> 'caption') IS NOT NULL
$$;

-- The first part of the chain an article belongs to.
CREATE FUNCTION search_chain_head(p_article integer) RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_current integer := p_article;
  v_previous integer;
  v_steps integer := 0;
BEGIN
  LOOP
    v_previous := NULL;
    SELECT id INTO v_previous FROM articles WHERE next_part_id = v_current;
    EXIT WHEN v_previous IS NULL OR v_previous = p_article OR v_steps > 200;
    v_current := v_previous;
    v_steps := v_steps + 1;
  END LOOP;
  RETURN v_current;
END
$$;

-- Rewrites the document of the chain an article belongs to (and removes
-- documents of its other parts, which are no longer chain heads).
CREATE FUNCTION search_refresh(p_article integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_head integer;
  v_members integer[];
BEGIN
  IF p_article IS NULL THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM articles WHERE id = p_article) THEN
    DELETE FROM search_documents WHERE article_id = p_article;
    RETURN;
  END IF;
  v_head := search_chain_head(p_article);
  WITH RECURSIVE chain AS (
    SELECT a.id, a.next_part_id, 1 AS n FROM articles a WHERE a.id = v_head
    UNION ALL
    SELECT a.id, a.next_part_id, c.n + 1 FROM chain c JOIN articles a ON a.id = c.next_part_id WHERE c.n < 200
  )
  SELECT array_agg(id ORDER BY n) INTO v_members FROM chain;
  DELETE FROM search_documents WHERE article_id = ANY (v_members) AND article_id <> v_head;
  INSERT INTO search_documents AS d (
    article_id, edition_id, publication_id, issue_date, published, page_id, page_code, page_name, page_names,
    title, byline, extra, body, vector, updated_at
  )
  SELECT h.id, e.id, e.publication_id, e.issue_date, e.status = 'PUBLISHED', p.id, p.code, p.name, parts.page_names,
    h.title, coalesce(h.byline, ''), concat_ws(E'\n', h.kicker, h.subtitle), parts.body,
    setweight(search_vector(h.title), 'A') || setweight(search_vector(h.byline), 'B')
      || setweight(search_vector(concat_ws(' ', h.kicker, h.subtitle)), 'C') || setweight(search_vector(parts.body), 'D'),
    now()
  FROM articles h
  JOIN pages p ON p.id = h.page_id
  JOIN editions e ON e.id = p.edition_id
  CROSS JOIN LATERAL (
    SELECT array_agg(DISTINCT pp.name::text) AS page_names,
      coalesce(string_agg(search_body_text(a.body), E'\n' ORDER BY m.n), '') AS body
    FROM unnest(v_members) WITH ORDINALITY AS m(id, n)
    JOIN articles a ON a.id = m.id
    JOIN pages pp ON pp.id = a.page_id
  ) parts
  WHERE h.id = v_head
  ON CONFLICT (article_id) DO UPDATE SET
    edition_id = excluded.edition_id, publication_id = excluded.publication_id, issue_date = excluded.issue_date,
    published = excluded.published, page_id = excluded.page_id, page_code = excluded.page_code,
    page_name = excluded.page_name, page_names = excluded.page_names, title = excluded.title,
    byline = excluded.byline, extra = excluded.extra, body = excluded.body, vector = excluded.vector,
    updated_at = excluded.updated_at;
END
$$;

CREATE FUNCTION search_articles_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE article_id = OLD.id;
    PERFORM search_refresh(OLD.next_part_id);
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.next_part_id IS DISTINCT FROM NEW.next_part_id THEN
    PERFORM search_refresh(OLD.next_part_id);
  END IF;
  PERFORM search_refresh(NEW.id);
  RETURN NEW;
END
$$;

CREATE TRIGGER search_articles AFTER INSERT OR DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION search_articles_changed();
CREATE TRIGGER search_articles_update AFTER UPDATE OF title, byline, kicker, subtitle, body, page_id, next_part_id
  ON articles FOR EACH ROW EXECUTE FUNCTION search_articles_changed();

CREATE FUNCTION search_pages_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh(a.id) FROM articles a WHERE a.page_id = NEW.id;
  RETURN NEW;
END
$$;

CREATE TRIGGER search_pages AFTER UPDATE OF name, code, edition_id ON pages
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.code IS DISTINCT FROM NEW.code OR OLD.edition_id IS DISTINCT FROM NEW.edition_id)
  EXECUTE FUNCTION search_pages_changed();

-- Publishing and unpublishing flip visibility in the same transaction.
CREATE FUNCTION search_editions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_documents
  SET published = NEW.status = 'PUBLISHED', issue_date = NEW.issue_date, publication_id = NEW.publication_id
  WHERE edition_id = NEW.id;
  RETURN NEW;
END
$$;

CREATE TRIGGER search_editions AFTER UPDATE OF status, issue_date, publication_id ON editions
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.issue_date IS DISTINCT FROM NEW.issue_date OR OLD.publication_id IS DISTINCT FROM NEW.publication_id)
  EXECUTE FUNCTION search_editions_changed();

-- Documents for the articles already there.
SELECT search_refresh(a.id) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles b WHERE b.next_part_id = a.id);
