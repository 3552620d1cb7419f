import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import { ApiError } from "../errors/api-error.js";

/** A collection's text-search language when none is asked for. */
export const defaultLanguage = "english";

/**
 * The text-search configurations this database ships (pg_catalog's: english, french, german,
 * ..., simple). The list depends on the PostgreSQL version (16 added some), so it is read from
 * the database, not written down here.
 */
export async function textSearchLanguages(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(sql`
    select c.cfgname::text as name from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace
    where n.nspname = 'pg_catalog' order by c.cfgname`);
  return rows.map((r) => r.name);
}

/**
 * The configuration a new collection asks for, as PostgreSQL names it ("French" is french), or
 * 422 naming the ones there are. Only those PostgreSQL ships: one an administrator made in
 * another schema exists on that server only, not in the embedded database or a rebuilt one.
 */
export async function resolveLanguage(db: Queryable, asked: string | undefined): Promise<string> {
  if (asked === undefined) return defaultLanguage;
  const name = asked.trim().toLowerCase();
  const languages = await textSearchLanguages(db);
  if (languages.includes(name)) return name;
  throw new ApiError("validation_failed", `"${asked}" is not a text-search language of this database`, {
    errors: [{ path: "language", message: `Expected one of: ${languages.join(", ")}` }],
  });
}
