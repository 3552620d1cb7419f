import type { Database } from "./database.js";

/** What one statement may keep PGlite's thread (the serving event loop) busy for. */
const pgliteSliceMs = 20;
/** Rows per statement on a server: there a statement runs elsewhere and only its size matters. */
const serverSliceRows = 5000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes `rows` in consecutive statements. PGlite runs each statement synchronously on the
 * serving event loop, so there a statement gets as many rows as fit about 20 ms at the rate the
 * previous one measured (an HNSW insert costs milliseconds per vector), and the event loop takes
 * a turn between statements. A real server gets large statements.
 */
export async function writeInSlices<T>(
  kind: Database["kind"],
  rows: readonly T[],
  write: (slice: readonly T[]) => Promise<unknown>,
): Promise<void> {
  if (kind !== "pglite") {
    for (let i = 0; i < rows.length; i += serverSliceRows) await write(rows.slice(i, i + serverSliceRows));
    return;
  }
  // The first statement is one row: its cost is not known yet, and an HNSW insert in PGlite may
  // take tens of milliseconds. Each next one is sized from the last, growing at most fourfold.
  let size = 1;
  for (let i = 0; i < rows.length; ) {
    const slice = rows.slice(i, i + size);
    const started = performance.now();
    await write(slice);
    const ms = Math.max(0.5, performance.now() - started);
    i += slice.length;
    size = Math.max(
      1,
      Math.min(serverSliceRows, 4 * slice.length, Math.round((slice.length * pgliteSliceMs) / ms)),
    );
    if (i < rows.length) await turn();
  }
}
