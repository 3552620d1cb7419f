import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.js";
import { maintainTables } from "./pglite-maintenance.js";
import { render, type SqlFragment } from "./sql.js";

type Client = PGlite | Transaction;

function queryable(client: Client): Queryable {
  return {
    async query<T>(statement: SqlFragment): Promise<T[]> {
      const { text, params } = render(statement);
      const result = await client.query<T>(text, params);
      return result.rows;
    },
  };
}

/**
 * PGlite: real Postgres compiled to WASM, in this process. `dataDir` undefined keeps it in
 * memory (tests). It serialises all queries itself, so "FOR UPDATE SKIP LOCKED" is honoured
 * trivially: two claims never interleave.
 */
export async function createPgliteDatabase(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  // Imported here, not at the top: a bundle hoists a static import of an external package to its
  // own start, and a server-backed function would load PGlite for nothing.
  const [{ PGlite }, { vector }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-pgvector"),
  ]);
  // loadDataDir seeds an empty data directory from a dumpDataDir tarball (restores).
  const client = await PGlite.create(dataDir, {
    extensions: { vector },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const base = queryable(client);
  const db: Database = {
    kind: "pglite",
    query: base.query,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => client.transaction((tx) => fn(queryable(tx))),
    async execScript(text: string): Promise<void> {
      await client.exec(text);
    },
    async ping(): Promise<void> {
      await client.query("select 1");
    },
    async close(): Promise<void> {
      await client.close();
    },
    async dumpDataDir(): Promise<Uint8Array> {
      const tarball = await client.dumpDataDir("gzip");
      return new Uint8Array(await tarball.arrayBuffer());
    },
    maintain: () => maintainTables(db),
  };
  return db;
}
