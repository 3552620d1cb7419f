import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database, Queryable } from "./database.js";
import { raw, sql } from "./sql.js";

const migrationsDir = fileURLToPath(new URL("./migrations/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  text: string;
  /** What SQL cannot express, run after the statements, in the same transaction. */
  dataStep?: (tx: Queryable) => Promise<void>;
}

/** Data steps by migration version (loaded when run: they may need what SQL lacks). */
const dataSteps: Record<number, Migration["dataStep"]> = {
  10: async (tx) => (await import("../collections/backfill-name-keys.js")).backfillCollectionNameKeys(tx),
  14: async (tx) => (await import("../retrieval/backfill-search-text.js")).backfillChunkSearchText(tx),
};

export async function loadMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+_.+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (name) => ({
      version: Number.parseInt(name, 10),
      name,
      text: await readFile(`${dir}/${name}`, "utf8"),
      dataStep: dataSteps[Number.parseInt(name, 10)],
    })),
  );
}

/**
 * Applies the numbered migrations not yet recorded, each in its own transaction, in order.
 * Safe to run again and from several processes: an advisory lock makes concurrent runs wait.
 * Returns the names it applied.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  await db.execScript(
    "create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())",
  );
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query(sql`select pg_advisory_xact_lock(${7_324_001})`);
    const done = new Set(
      (await tx.query<{ version: number }>(sql`select version from schema_migrations`)).map((r) => r.version),
    );
    for (const m of all) {
      if (done.has(m.version)) continue;
      // Statements run one by one: a prepared-statement protocol cannot take several at once.
      for (const statement of splitStatements(m.text)) {
        await tx.query(raw(statement));
      }
      await m.dataStep?.(tx);
      await tx.query(sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`);
      applied.push(m.name);
    }
  });
  // A migration may rewrite a table (016 does): on PGlite, which has no autovacuum, the dead rows
  // are vacuumed and the statistics renewed now rather than after the next indexing.
  if (applied.length > 0) await db.maintain?.();
  return applied;
}

/** Splits SQL text on top-level semicolons, keeping $$-quoted bodies and quotes intact. */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let i = 0;
  let dollar: string | null = null;
  let quote: string | null = null;
  while (i < text.length) {
    const ch = text[i] as string;
    if (dollar !== null) {
      if (text.startsWith(dollar, i)) {
        current += dollar;
        i += dollar.length;
        dollar = null;
        continue;
      }
    } else if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
      continue;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === "$") {
      const m = /^\$[A-Za-z_]*\$/.exec(text.slice(i));
      if (m) {
        dollar = m[0];
        current += dollar;
        i += dollar.length;
        continue;
      }
    } else if (ch === ";") {
      if (current.trim()) out.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
