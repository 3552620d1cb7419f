import { assertEmbedderMatches, type Collection } from "../collections/collections.js";
import type { Database } from "../db/database.js";
import { type SqlFragment, sql } from "../db/sql.js";
import { type DocumentFilter, documentConditions } from "../documents/find-documents.js";
import type { Embedder } from "../embeddings/embedder.js";
import { lexicalModel } from "../embeddings/lexical-embedder.js";
import { dependencyUnavailable } from "../errors/api-error.js";
import type { ChunkLocation } from "../extract/extracted-document.js";
import type { Logger } from "../logging/logger.js";
import type { RerankOutcome } from "../rerank/rerank-outcome.js";
import type { Reranker } from "../rerank/reranker.js";
import type { VectorStore } from "../vectors/vector-store.js";
import { bm25Statement } from "./bm25.js";
import { type Highlight, highlightTexts } from "./highlight.js";
import { parseKeywordQuery } from "./keyword-query.js";
import { rerankedSearch } from "./reranked-search.js";
import { reciprocalRankFusion } from "./rrf.js";
import { convexScoreFusion } from "./score-fusion.js";
import { timed } from "./timed-step.js";

export type SearchMode = "hybrid" | "vector" | "keyword";

export interface SearchRequest {
  collection: Collection;
  query: string;
  topK: number;
  mode: SearchMode;
  filter: Omit<DocumentFilter, "collection_id">;
  /** Mark the words the keyword query matches in each result's text. */
  highlight?: boolean;
  /** Rerank the best `depth` candidates (deps.reranker), and answer the top k of them. */
  rerank?: RerankPlan;
}

export interface RerankPlan {
  /** How many of the best candidates the reranker scores (at least topK are). */
  depth: number;
  /** Each passage is cut to this many characters before it is sent. */
  maxChars: number;
}

export interface Passage {
  document_id: string;
  filename: string;
  content_type: string;
  chunk_index: number;
  text: string;
  /** Where the chunk lies; empty for chunks indexed before locations were recorded. */
  location: Partial<ChunkLocation>;
  score: number;
}

/** Where a result stood in each side's candidate list (from 1), null where that side did not return it. */
export interface Ranks {
  keyword: number | null;
  vector: number | null;
}

/** A result of a search: a passage, its ranks behind the fusion and, when asked for, its marks. */
export interface SearchResult extends Passage {
  ranks: Ranks;
  /** The reranker's score, when the results were reranked (its scale is the model's). */
  rerank_score?: number;
  highlights?: Highlight[];
}

/** The results, and what became of reranking when it was asked for. */
export interface SearchAnswer {
  results: SearchResult[];
  rerank?: RerankOutcome;
}

export interface SearchDeps {
  db: Database;
  vectors: VectorStore;
  embedder: Embedder;
  reranker?: Reranker | undefined;
  log?: Logger;
}

/** Extra vector hits fetched so that ties at the top-k cut are broken here, not by the index. */
const tieMargin = 10;

/** How many candidates each side contributes to the fusion. */
function candidates(topK: number): number {
  return Math.min(200, Math.max(20, topK * 4));
}

function hasFilter(filter: SearchRequest["filter"]): boolean {
  return Object.values(filter).some((v) => v !== undefined);
}

/** The keyword side's statement, or undefined when the query asks for nothing positive. */
export function keywordStatement(req: SearchRequest, limit: number): SqlFragment | undefined {
  return bm25Statement({
    collectionId: req.collection.id,
    query: parseKeywordQuery(req.query),
    // The chunks are scoped to the collection already. Repeating it on documents misled a
    // planner without statistics into walking every document of the collection instead of
    // looking up the matching chunks' documents (0.5 s against 10 s on PGlite).
    where: documentConditions(req.filter),
    limit,
    config: req.collection.language,
  });
}

/** BM25 over the chunks' full-text index: any word or phrase matches, none of the excluded ones. */
export async function keywordSearch(deps: SearchDeps, req: SearchRequest, limit: number): Promise<Passage[]> {
  const statement = keywordStatement(req, limit);
  return statement === undefined ? [] : deps.db.query<Passage>(statement);
}

/** Chunk texts for vector hits, dropping any whose document is gone or being deleted. */
async function passagesFor(
  db: Database,
  hits: { documentId: string; chunkIndex: number; score: number }[],
  where: SqlFragment,
): Promise<Passage[]> {
  if (hits.length === 0) return [];
  const rows = await db.query<Omit<Passage, "score">>(sql`
    select c.document_id, d.filename, d.content_type, c.chunk_index, c.text, c.location
    from unnest(${hits.map((h) => h.documentId)}::uuid[], ${hits.map((h) => h.chunkIndex)}::int[]) as h(document_id, chunk_index)
    join chunks c on c.document_id = h.document_id and c.chunk_index = h.chunk_index
    join documents d on d.id = c.document_id
    where ${where}`);
  const byKey = new Map(rows.map((r) => [`${r.document_id}:${r.chunk_index}`, r]));
  return hits.flatMap((h) => {
    const row = byKey.get(`${h.documentId}:${h.chunkIndex}`);
    return row === undefined ? [] : [{ ...row, score: h.score }];
  });
}

export async function vectorSearch(deps: SearchDeps, req: SearchRequest, limit: number): Promise<Passage[]> {
  assertEmbedderMatches(req.collection, deps.embedder);
  const where = documentConditions({ ...req.filter, collection_id: req.collection.id });
  // Metadata lives in Postgres only; a filter is resolved to document ids the vector store can apply.
  let documentIds: string[] | undefined;
  if (hasFilter(req.filter)) {
    const rows = await deps.db.query<{ id: string }>(sql`select d.id from documents d where ${where}`);
    documentIds = rows.map((r) => r.id);
    if (documentIds.length === 0) return [];
  }
  let embedding: number[];
  try {
    [embedding = []] = await deps.embedder.embed([req.query], "query");
  } catch (error) {
    throw dependencyUnavailable("The embedder", error);
  }
  // A query the embedder finds nothing in (the built-in one keeps no word of "%%%" or "the")
  // embeds to the zero vector, which has no direction: its cosine to anything is undefined, so
  // nothing matches it, as the keyword side finds nothing either.
  if (!embedding.some((x) => x !== 0)) return [];
  let hits: Awaited<ReturnType<VectorStore["query"]>>;
  try {
    hits = await deps.vectors.query(
      { id: req.collection.id, dimension: req.collection.embedding_dimension },
      embedding,
      limit + tieMargin,
      documentIds,
    );
  } catch (error) {
    throw dependencyUnavailable("The vector store", error);
  }
  // Equal scores come back in whatever order the index walked them (an HNSW index rebuilt by a
  // restore walks differently), and "equal" includes float32 noise in the last bits (a vector
  // store may re-round what it is given). Scores are compared at 6 decimals and ties broken by
  // chunk, as keyword search does, and the cut is made here, past a margin fetched for it, so
  // the same question over the same data gives the same ranking (two scores within that noise
  // that straddle a rounding boundary can still come out in either order).
  const ranked = hits
    // A chunk with no words has the zero vector too, and a distance of NaN to every query.
    .filter((h) => Number.isFinite(h.score))
    .map((h) => ({ ...h, score: Math.round(h.score * 1e6) / 1e6 }))
    .sort(
      (a, b) => b.score - a.score || a.documentId.localeCompare(b.documentId) || a.chunkIndex - b.chunkIndex,
    )
    .slice(0, limit);
  return passagesFor(deps.db, ranked, where);
}

/**
 * How hybrid mode fuses its two lists, tuned on SciFact's train split (`npm run eval --
 * --fusion-grid`, docs/decisions.md "Retrieval").
 * - The built-in embedder is lexical: its vector side is a weaker copy of BM25's evidence
 *   (nDCG@10 0.435 against 0.695), and every fusion that gave it a real say lowered the result
 *   (equal-weight RRF, k 60: 0.576). Weighted 0.1 with k = 10 the fused order is BM25's, with
 *   vector evidence breaking near-ties and adding candidates at the tail.
 * - A semantic embedder brings evidence BM25 lacks. With all-MiniLM-L6-v2 (vector 0.659, BM25
 *   0.695) the grid is flat at 0.720–0.725 for vector weights 0.7–1 and k 1–20, against 0.710
 *   for plain RRF (k 60, equal weights); k 10 with weight 0.7 sits inside that plateau rather
 *   than on its highest point, and serves any semantic model until one is measured apart.
 * - bge-small-en-v1.5 is the stronger side on its own (vector 0.746 against BM25's 0.695). Its
 *   scores say more than its ranks: a convex combination of min-max scaled scores, 0.4 BM25 and
 *   0.6 vector, scored offline over the candidates of top_k 100 reaches 0.768 where the best RRF
 *   plateau is 0.757–0.763 (k 10, weight 2: 0.761), and 0.765 against 0.760 over the 40 of
 *   top_k 10. Min-max scaling is over the candidates, so how many there are (`candidates`) moves
 *   each list's floor: a deeper request can reorder the top, more than under RRF.
 */
const tunedFusion: Record<string, Fusion> = {
  [lexicalModel]: { method: "rrf", k: 10, weights: [1, 0.1] },
  "bge-small-en-v1.5-int8": { method: "convex", weights: [0.4, 0.6] },
};
const semanticFusion: Fusion = { method: "rrf", k: 10, weights: [1, 0.7] };

/** Reciprocal rank fusion (rrf.ts): ranks only, each list weighted. */
export interface RankFusion {
  method: "rrf";
  k: number;
  weights: [keyword: number, vector: number];
}

/** A convex combination of each list's min-max scaled scores (score-fusion.ts). */
export interface ScoreFusion {
  method: "convex";
  weights: [keyword: number, vector: number];
}

export type Fusion = RankFusion | ScoreFusion;

export function fusionFor(collection: Pick<Collection, "embedding_model">): Fusion {
  return tunedFusion[collection.embedding_model] ?? semanticFusion;
}

/** The highest fused score a passage can get: first in both lists. */
export function bestFusedScore(fusion: Fusion): number {
  const sum = fusion.weights[0] + fusion.weights[1];
  return fusion.method === "rrf" ? sum / (fusion.k + 1) : sum;
}

/**
 * How many of a list's candidates can still reach the fused top k. A list that holds at least
 * topK items gives each of its first topK a score of at least weight / (k + topK), so topK items
 * reach that; an item ranked r (from 1) in it scores at most weight / (k + r) plus every other
 * list's best, weight / (k + 1). Past the first r where that stays below, no item can enter the
 * top k (an equal score could, by its rank in another list, which is why below is strict), and
 * leaving those items out changes no other item's score: the fused top k is the same, in the
 * same order. With the built-in embedder's fusion (1 and 0.1, k 10) the keyword side's first 14
 * can count at top_k 10 (15 are asked for); with a semantic embedder's, every candidate can.
 */
export function usefulCandidates(
  fusion: { k: number; weights: readonly number[] },
  side: number,
  topK: number,
  n: number,
): number {
  const weight = fusion.weights[side] ?? 1;
  const others = fusion.weights.reduce((sum, w, i) => (i === side ? sum : sum + w / (fusion.k + 1)), 0);
  const floor = weight / (fusion.k + topK) - others;
  if (floor <= 0) return n;
  // The ranks before the first r (from 1) with weight / (k + r) < floor, and one more against
  // rounding; never fewer than topK, as floor <= weight / (k + topK).
  return Math.min(n, Math.floor(weight / floor - fusion.k) + 1);
}

const passageKey = (p: Passage) => `${p.document_id}:${p.chunk_index}`;

/** Each passage's rank (from 1) in a side's list, by passage. */
function ranksIn(list: readonly Passage[]): Map<string, number> {
  return new Map(list.map((p, i) => [passageKey(p), i + 1]));
}

async function rankedSearch(deps: SearchDeps, req: SearchRequest): Promise<SearchResult[]> {
  const keywordSide = (limit: number) => timed("keyword", () => keywordSearch(deps, req, limit));
  const vectorSide = (limit: number) => timed("vector", () => vectorSearch(deps, req, limit));
  if (req.mode === "keyword")
    return (await keywordSide(req.topK)).map((p, i) => ({ ...p, ranks: { keyword: i + 1, vector: null } }));
  if (req.mode === "vector")
    return (await vectorSide(req.topK)).map((p, i) => ({ ...p, ranks: { keyword: null, vector: i + 1 } }));
  const n = candidates(req.topK);
  const fusion = fusionFor(req.collection);
  // On PGlite the two sides run one after the other on its one connection; the keyword side
  // costs more with each candidate it must rank, so under RRF it is asked only for those that
  // can count. Min-max scaling is over the whole list, so a score fusion takes all n.
  const depth = (side: number) => (fusion.method === "rrf" ? usefulCandidates(fusion, side, req.topK, n) : n);
  const [keyword, vector] = await Promise.all([keywordSide(depth(0)), vectorSide(depth(1))]);
  const keywordRanks = ranksIn(keyword);
  const vectorRanks = ranksIn(vector);
  const fused =
    fusion.method === "rrf"
      ? reciprocalRankFusion([keyword, vector], passageKey, fusion.k, fusion.weights)
      : convexScoreFusion([keyword, vector], passageKey, (p) => p.score, fusion.weights);
  return fused.slice(0, req.topK).map(({ item, score }) => ({
    ...item,
    score,
    ranks: {
      keyword: keywordRanks.get(passageKey(item)) ?? null,
      vector: vectorRanks.get(passageKey(item)) ?? null,
    },
  }));
}

export async function search(deps: SearchDeps, req: SearchRequest): Promise<SearchAnswer> {
  const answer: SearchAnswer =
    req.rerank === undefined
      ? { results: await rankedSearch(deps, req) }
      : await rerankedSearch(deps, req, req.rerank, (r) => rankedSearch(deps, r));
  if (req.highlight !== true) return answer;
  const marks = await timed("highlight", () =>
    highlightTexts(
      deps.db,
      req.collection.language,
      parseKeywordQuery(req.query),
      answer.results.map((r) => r.text),
    ),
  );
  return { ...answer, results: answer.results.map((r, i) => ({ ...r, highlights: marks[i] ?? [] })) };
}
