import type { Collection } from "../collections/collections.js";
import { type SqlFragment, sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";
import { type SearchMode, search } from "../retrieval/search.js";
import type { AnalyticsWindow } from "./analytics-window.js";
import { sha256Hex } from "./backup-files.js";
import { exportedVectors } from "./vectors-backup.js";

/**
 * Everything a restore must bring back, in a form that compares exactly: each keyed item is a
 * canonical string, so "identical" means byte-for-byte equal, not "roughly the same".
 */
export interface StoreSnapshot {
  /** table -> row key -> the row (every column). */
  rows: Record<string, Map<string, string>>;
  /** object name -> SHA-256 of the bytes read back from the store. */
  objects: Map<string, string>;
  /** `<collection>/<document>:<chunk>` -> the embedding, as the store returns it. */
  vectors: Map<string, Float32Array>;
  /** `<collection> <mode> <query>` -> the ranked results. */
  queries: Map<string, RankedResult[]>;
}

export interface RankedResult {
  id: string;
  score: number;
}

/**
 * Chroma hands back an embedding re-rounded to float32 after its own processing, so a vector
 * written back from an export can differ from the original in the last bit or two (up to 3e-8
 * seen, on unit vectors). Anything within 1e-6 per component is the same vector; a real loss
 * or corruption is orders of magnitude larger.
 */
const vectorTolerance = 1e-6;
/** Scores come from those vectors: the same tolerance, one order looser for sums of products. */
const scoreTolerance = 1e-5;

function sameVector(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] ?? Number.NaN)) <= vectorTolerance);
}

/**
 * Same ranking: scores equal within tolerance at every rank, and every result of one list is in
 * the other with its score. The exception is a tie: results whose scores are equal within the
 * tolerance are ordered by their last bits, so they may trade places, and where a tie straddles
 * the top-k cut a different member of it may be the one that makes the list.
 */
function sameRanking(a: readonly RankedResult[], b: readonly RankedResult[]): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= scoreTolerance;
  const explained = (r: RankedResult, other: readonly RankedResult[]) => {
    const cut = other[other.length - 1];
    return (
      other.some((o) => o.id === r.id && close(o.score, r.score)) ||
      (cut !== undefined && close(r.score, cut.score))
    );
  };
  return (
    a.length === b.length &&
    a.every((r, i) => close(r.score, b[i]?.score ?? Number.NaN)) &&
    a.every((r) => explained(r, b)) &&
    b.every((r) => explained(r, a))
  );
}

/** JSON with bigints as text and object keys sorted (dates are already ISO text by then). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}

const from = (w: AnalyticsWindow) => sql`${w.from.toISOString()}::timestamptz`;
const to = (w: AnalyticsWindow) => sql`${w.to.toISOString()}::timestamptz`;

/**
 * The tables a restore must return exactly, with each one's row key; of the analytics tables,
 * which the running functions write throughout, the rows in the drill's window.
 */
const tables: Record<string, { key: string; select: (w: AnalyticsWindow) => SqlFragment }> = {
  collections: { key: "id", select: () => sql`select * from collections order by id` },
  documents: { key: "id", select: () => sql`select * from documents order by id` },
  chunks: {
    key: "chunk",
    // tsv as text: the full-text index must come back too, not only the words.
    select:
      () => sql`select document_id || ':' || chunk_index as chunk, collection_id, text, metadata, location,
      tsv::text as tsv from chunks order by document_id, chunk_index`,
  },
  document_texts: {
    key: "document_id",
    select: () => sql`select document_id, md5(text) as text, length from document_texts order by document_id`,
  },
  query_events: {
    key: "event",
    // With the partition each row is in: a restore must bring the daily partitions back, not
    // only their rows (into the default partition, or into a table no longer partitioned).
    select: (w) => sql`select query_id || ' ' || at::text as event, tableoid::regclass::text as partition, *
      from query_events where at >= ${from(w)} and at < ${to(w)} order by at, query_id`,
  },
  query_feedback: {
    key: "id",
    select: (w) => sql`select * from query_feedback where at >= ${from(w)} and at < ${to(w)} order by id`,
  },
  analytics_settings: {
    key: "id",
    // The key must come back (hashes made before the restore must match those made after), but
    // stays out of the snapshot: its digest compares as well.
    select: () => sql`select id, md5(hash_key) as hash_key from analytics_settings order by id`,
  },
};

export const snapshotModes: readonly SearchMode[] = ["keyword", "vector", "hybrid"];
const queryTopK = 10;

/**
 * A fixed set of queries made from the data itself, so any populated stack has one: for each
 * collection, the first six words of chunk 0 of its first two indexed documents, in every mode.
 */
async function fixedQueries(deps: Deps): Promise<{ collection: Collection; text: string }[]> {
  const rows = await deps.db.query<{ collection_id: string; text: string }>(sql`
    select collection_id::text, text from (
      select c.collection_id, c.text,
        row_number() over (partition by c.collection_id order by c.document_id) as n
      from chunks c join documents d on d.id = c.document_id
      where c.chunk_index = 0 and d.index_status = 'indexed' and d.deleted_at is null) firsts
    where n <= 2 order by collection_id, text`);
  const collections = new Map(
    (await deps.db.query<Collection>(sql`select * from collections`)).map((c) => [c.id, c]),
  );
  return rows.flatMap((r) => {
    const collection = collections.get(r.collection_id);
    const text = r.text.split(/\s+/).filter(Boolean).slice(0, 6).join(" ");
    return collection && text ? [{ collection, text }] : [];
  });
}

/** Every row, object, vector and fixed query's answer; analytics rows in `window` only. */
export async function snapshotStores(deps: Deps, window: AnalyticsWindow): Promise<StoreSnapshot> {
  const rows: StoreSnapshot["rows"] = {};
  for (const [table, { key, select }] of Object.entries(tables)) {
    const found = await deps.db.query<Record<string, unknown>>(select(window));
    rows[table] = new Map(found.map((r) => [String(r[key]), canonicalJson(r)]));
  }

  const objects = new Map<string, string>();
  for (const name of (await deps.objects.list()).sort())
    objects.set(name, sha256Hex(await deps.objects.get(name)));

  const vectors = new Map<string, Float32Array>();
  const collections = await deps.db.query<Collection>(sql`select * from collections order by id`);
  for (const c of collections) {
    for await (const r of exportedVectors(deps.vectors, { id: c.id, dimension: c.embedding_dimension })) {
      vectors.set(`${c.id}/${r.documentId}:${r.chunkIndex}`, Float32Array.from(r.embedding));
    }
  }

  const queries = new Map<string, RankedResult[]>();
  for (const { collection, text } of await fixedQueries(deps)) {
    for (const mode of snapshotModes) {
      const { results } = await search(deps, { collection, query: text, topK: queryTopK, mode, filter: {} });
      queries.set(
        `${collection.id} ${mode} ${text}`,
        results.map((p) => ({ id: `${p.document_id}:${p.chunk_index}`, score: Number(p.score) })),
      );
    }
  }
  return { rows, objects, vectors, queries };
}

export interface SectionDiff {
  before: number;
  after: number;
  /** In the snapshot before, not after. */
  lost: number;
  /** In both, but not equal. */
  changed: number;
  /** After only. */
  added: number;
  /** A few of the keys that differ, for the report. */
  examples: string[];
}

function diffMaps<T>(
  before: Map<string, T>,
  after: Map<string, T>,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
): SectionDiff {
  const examples: string[] = [];
  let lost = 0;
  let changed = 0;
  for (const [key, value] of before) {
    const now = after.get(key);
    if (now === undefined) lost++;
    else if (!same(value, now)) changed++;
    else continue;
    if (examples.length < 5) examples.push(`${now === undefined ? "lost" : "changed"} ${key}`);
  }
  let added = 0;
  for (const key of after.keys()) {
    if (before.has(key)) continue;
    added++;
    if (examples.length < 5) examples.push(`added ${key}`);
  }
  return { before: before.size, after: after.size, lost, changed, added, examples };
}

export type SnapshotDiff = Record<string, SectionDiff>;

/** Per section (each table, objects, vectors, queries): what differs between two snapshots. */
export function diffSnapshots(before: StoreSnapshot, after: StoreSnapshot): SnapshotDiff {
  const diff: SnapshotDiff = {};
  for (const table of Object.keys(before.rows))
    diff[`rows.${table}`] = diffMaps(before.rows[table] ?? new Map(), after.rows[table] ?? new Map());
  diff.objects = diffMaps(before.objects, after.objects);
  diff.vectors = diffMaps(before.vectors, after.vectors, sameVector);
  diff.queries = diffMaps(before.queries, after.queries, sameRanking);
  return diff;
}

export function snapshotsIdentical(diff: SnapshotDiff): boolean {
  return Object.values(diff).every((d) => d.lost === 0 && d.changed === 0 && d.added === 0);
}
