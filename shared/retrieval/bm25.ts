import { type SqlFragment, sql } from "../db/sql.js";
import { type KeywordQuery, positiveText, tsqueryFragment } from "./keyword-query.js";

/**
 * Okapi BM25 over chunks, in one SQL statement that runs alike on PGlite and on PostgreSQL 15+
 * behind PgBouncer in transaction mode (no session state, no temporary tables, no extension).
 *
 *   score(chunk) = sum over query lexemes t of  qtf(t) * idf(t) * tf(t) * (k1 + 1) / (tf(t) + k1 * (1 - b + b * dl / avgdl))
 *   idf(t)       = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))      (Lucene's, never negative)
 *
 * N and avgdl are the collection's chunk count and mean `token_count`, read from the counts
 * that triggers keep on its row (migration 008; counting them here cost 29 of 42 ms on 100k
 * chunks); df(t) is the number of
 * the collection's chunks holding t, counted through the GIN index; tf(t) is t's position count
 * in the chunk's tsvector and qtf(t) its count in the query. Statistics cover the whole
 * collection, whatever the filter, as a search engine's do: a filter narrows the results, not
 * what a word is worth. Candidates are the chunks that match the query's tsquery (any word or
 * phrase, none of the excluded words), so the query syntax means what it did with ts_rank.
 */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** Tuned on SciFact's train split (see docs/decisions.md, "BM25"). */
export const bm25Defaults: Bm25Params = { k1: 1.2, b: 0.75 };

export interface Bm25Search {
  collectionId: string;
  query: KeywordQuery;
  /** Conditions on `d` (documents): the request's filters. */
  where: SqlFragment;
  limit: number;
  params?: Bm25Params;
  /** The collection's text-search configuration: its chunks were analysed with it (migration 014). */
  config: string;
}

/** The statement, or undefined when the query asks for nothing positive. */
export function bm25Statement(search: Bm25Search): SqlFragment | undefined {
  const { collectionId, query, where, limit } = search;
  const { k1, b } = search.params ?? bm25Defaults;
  const { config } = search;
  const matches = tsqueryFragment(query, config);
  if (matches === undefined) return undefined;
  // The lexemes to score: every positive word, phrase words included, with its query count.
  const positive = positiveText(query);
  // Notes on the statement:
  // - q.tq is a lexeme as a one-word tsquery, taken literally: quoted, quotes and backslashes
  //   doubled as tsquery input wants (to_tsquery would stem the stem again);
  // - the CTEs are materialized so that each runs once, in the order written;
  // - postings: the collection's chunks holding each query lexeme, through the GIN index, without
  //   reading a tsvector; df is their count, and every chunk that can score is among them;
  // - bounds: with tf unknown, a lexeme's term lies between its value at tf = 1 (lo) and its
  //   limit as tf grows (hi);
  // - leaders: the candidates in order of lo, checked (the tsquery, the filters) until `limit`
  //   of them are hits; their lowest exact score is one that `limit` hits reach, so a candidate
  //   whose hi stays below it cannot rank (a relative margin of 1e-9 absorbs rounding). Only the
  //   other candidates are checked and scored, which reads their tsvectors;
  // - tf: setweight marks the query's lexemes 'A' in the hit's tsvector and ts_filter keeps
  //   only those, so unnest yields a few rows per hit instead of its whole vocabulary; a
  //   chunk's terms are summed in the tsvector's order, so a score is the same float however
  //   the chunk was reached.
  const scores = (hits: SqlFragment) => sql`
      select h.document_id, h.chunk_index,
        sum(w.w * tf.n * (${k1}::float8 + 1)
          / (tf.n + ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * h.token_count / s.avgdl))
          order by tf.i) as score
      from ${hits} h cross join stats s
      cross join lateral (
        select u.lexeme, coalesce(array_length(u.positions, 1), 1)::float8 as n, u.i
        from unnest(ts_filter(setweight(h.tsv, 'A', (select array_agg(lexeme) from q)), '{a}'))
          with ordinality as u(lexeme, positions, weights, i)
      ) tf
      join weights w on w.lexeme = tf.lexeme
      group by h.document_id, h.chunk_index`;
  return sql`
    with q as materialized (
      select lexeme, coalesce(array_length(positions, 1), 1)::float8 as qtf,
        ('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery as tq
      from unnest(to_tsvector(${config}::regconfig, ${positive}))
    ),
    stats as materialized (
      select chunk_count::float8 as n,
        coalesce(chunk_tokens::float8 / nullif(chunk_count, 0), 1)::float8 as avgdl
      from collections where id = ${collectionId}
    ),
    postings as materialized (
      select q.lexeme, c.document_id, c.chunk_index, c.token_count
      from q cross join lateral (
        select c.document_id, c.chunk_index, c.token_count from chunks c
        where c.collection_id = ${collectionId} and c.tsv @@ q.tq
      ) c
    ),
    weights as materialized (
      select q.lexeme, q.qtf * ln(1 + (s.n - coalesce(df.n, 0) + 0.5) / (coalesce(df.n, 0) + 0.5)) as w
      from q cross join stats s
      left join (select lexeme, count(*)::float8 as n from postings group by lexeme) df on df.lexeme = q.lexeme
    ),
    bounds as materialized (
      select p.document_id, p.chunk_index,
        sum(case when w.w >= 0 then w.w * (${k1}::float8 + 1) / (1 + t.norm) else w.w * (${k1}::float8 + 1) end) as lo,
        sum(case when w.w >= 0 then w.w * (${k1}::float8 + 1) else w.w * (${k1}::float8 + 1) / (1 + t.norm) end) as hi
      from postings p join weights w on w.lexeme = p.lexeme
      cross join stats s
      cross join lateral (
        select ${k1}::float8 * (1 - ${b}::float8 + ${b}::float8 * p.token_count / s.avgdl) as norm
      ) t
      group by p.document_id, p.chunk_index
    ),
    leaders as materialized (
      select bo.document_id, bo.chunk_index, h.tsv, h.token_count
      from (select * from bounds order by lo desc, document_id, chunk_index offset 0) bo
      cross join lateral (
        select c.tsv, c.token_count
        from chunks c join documents d on d.id = c.document_id
        where c.document_id = bo.document_id and c.chunk_index = bo.chunk_index
          and c.tsv @@ ${matches} and ${where}
      ) h
      limit ${limit}
    ),
    cut as materialized (
      select min(score) - abs(min(score)) * 1e-9 as score
      from (${scores(sql`leaders`)}) l
      having count(*) = ${limit}
    ),
    hits as materialized (
      select c.document_id, c.chunk_index, c.tsv, c.token_count
      from bounds bo
      join chunks c on c.document_id = bo.document_id and c.chunk_index = bo.chunk_index
      join documents d on d.id = c.document_id
      where not exists (select from cut where bo.hi < cut.score)
        and c.tsv @@ ${matches} and ${where}
    ),
    ranked as (
      ${scores(sql`hits`)}
      order by score desc, h.document_id, h.chunk_index
      limit ${limit}
    )
    select r.document_id, d.filename, d.content_type, r.chunk_index, c.text, c.location, r.score
    from ranked r
    join chunks c on c.document_id = r.document_id and c.chunk_index = r.chunk_index
    join documents d on d.id = r.document_id
    order by r.score desc, r.document_id, r.chunk_index`;
}
