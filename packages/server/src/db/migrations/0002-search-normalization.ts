import { sql, type Kysely } from 'kysely';

/**
 * Arabic is written with optional marks and several spellings of the same letter: "السُّكَّري" and "السكري",
 * "أسرة" and "اسره", "مرضى" and "مرضي" are one word to a reader but different strings to text search and
 * trigrams (and the Arabic stemmer treats some of them differently). `hearth_search_normalize` folds them:
 * it lowercases, drops the short vowels and other marks (U+064B–U+0652, the dagger alef U+0670) and the tatweel
 * (U+0640), and unifies alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي) and ta marbuta (ة → ه). The search columns
 * are rebuilt over the folded text, and discovery folds each query with the same function, so both sides agree.
 */
const foldFrom = 'أإآٱىة' + '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640';
const foldTo = 'اااايه';

export async function up(db: Kysely<unknown>): Promise<void> {
  // translate() drops every character of `from` that has no counterpart in `to`: the marks and the tatweel.
  await sql`
    create function hearth_search_normalize(input text) returns text
    language sql immutable parallel safe
    as $$ select lower(translate(input, ${sql.lit(foldFrom)}, ${sql.lit(foldTo)})) $$`.execute(db);

  // A generated column's expression cannot be altered on PostgreSQL 15, so the two columns are rebuilt; their
  // indexes go with them and are created again below.
  await sql`alter table groups drop column search_document, drop column search_words`.execute(db);
  await sql`
    alter table groups
      add column search_document tsvector generated always as (
        setweight(to_tsvector('simple', hearth_search_normalize(coalesce(name, ''))), 'A') ||
        setweight(to_tsvector('english', hearth_search_normalize(coalesce(name, ''))), 'A') ||
        setweight(to_tsvector('arabic', hearth_search_normalize(coalesce(name, ''))), 'A') ||
        setweight(to_tsvector('simple', hearth_search_normalize(hearth_join_words(topics))), 'B') ||
        setweight(to_tsvector('english', hearth_search_normalize(hearth_join_words(topics))), 'B') ||
        setweight(to_tsvector('arabic', hearth_search_normalize(hearth_join_words(topics))), 'B') ||
        setweight(to_tsvector('english', hearth_search_normalize(coalesce(description, ''))), 'C') ||
        setweight(to_tsvector('arabic', hearth_search_normalize(coalesce(description, ''))), 'C')
      ) stored,
      add column search_words text generated always as (
        hearth_search_normalize(name || ' ' || hearth_join_words(topics))
      ) stored`.execute(db);
  await sql`create index groups_search_document_idx on groups using gin (search_document)`.execute(db);
  await sql`create index groups_search_words_trgm_idx on groups using gin (search_words gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table groups drop column search_document, drop column search_words`.execute(db);
  await sql`
    alter table groups
      add column search_document tsvector generated always as (
        setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('arabic', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('simple', hearth_join_words(topics)), 'B') ||
        setweight(to_tsvector('english', hearth_join_words(topics)), 'B') ||
        setweight(to_tsvector('arabic', hearth_join_words(topics)), 'B') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
        setweight(to_tsvector('arabic', coalesce(description, '')), 'C')
      ) stored,
      add column search_words text generated always as (lower(name || ' ' || hearth_join_words(topics))) stored`.execute(db);
  await sql`create index groups_search_document_idx on groups using gin (search_document)`.execute(db);
  await sql`create index groups_search_words_trgm_idx on groups using gin (search_words gin_trgm_ops)`.execute(db);
  await sql`drop function if exists hearth_search_normalize(text)`.execute(db);
}
