import { createHash, randomBytes } from "node:crypto";
import type { Config } from "../config.js";
import type { Queryable } from "../db/database.js";
import { isUniqueViolation } from "../db/errors.js";
import { sql } from "../db/sql.js";
import type { Principal, Scope } from "./principal.js";

export interface ApiKeyRecord {
  id: string;
  name: string;
  key_prefix: string;
  scopes: Scope[];
  collections: string[] | null;
  rate_limits: Principal["rateLimits"];
  created_at: Date;
  revoked_at: Date | null;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** `dsk_` and 43 characters of base64url: 256 random bits. */
export function newKey(): string {
  return `dsk_${randomBytes(32).toString("base64url")}`;
}

export interface NewApiKey {
  name: string;
  scopes: Scope[];
  collections?: string[] | null;
  rateLimits?: Principal["rateLimits"];
}

/** Makes a key; the plaintext is returned this once and never stored. */
export async function createApiKey(
  db: Queryable,
  input: NewApiKey,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = newKey();
  const [record] = await db
    .query<ApiKeyRecord>(sql`
    insert into api_keys (id, name, key_hash, key_prefix, scopes, collections, rate_limits)
    values (${crypto.randomUUID()}, ${input.name}, ${hashKey(key)}, ${key.slice(0, 10)}, ${input.scopes}::text[],
            ${input.collections ?? null}::uuid[], ${JSON.stringify(input.rateLimits ?? {})}::jsonb)
    returning id, name, key_prefix, scopes, collections, rate_limits, created_at, revoked_at`)
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new Error(`a key named "${input.name}" already exists (revoked ones too)`);
      throw error;
    });
  if (record === undefined) throw new Error("insert returned no row");
  return { key, record };
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyRecord[]> {
  return db.query<ApiKeyRecord>(sql`
    select id, name, key_prefix, scopes, collections, rate_limits, created_at, revoked_at
    from api_keys order by created_at, name`);
}

/** Revokes by name; true if an active key was revoked. */
export async function revokeApiKey(db: Queryable, name: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    sql`update api_keys set revoked_at = now() where name = ${name} and revoked_at is null returning id`,
  );
  return rows.length > 0;
}

/** Whether a key that is not revoked exists (production needs one to start). */
export async function hasActiveKeys(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>(
    sql`select exists (select 1 from api_keys where revoked_at is null) as any`,
  );
  return row?.any === true;
}

/**
 * Whether a caller without a key is let in (anonymous, every scope): only on a development install
 * on which no key was ever created. Revoked keys count, so revoking the last key closes the
 * install for good rather than opening it to everyone again; production never allows it.
 */
export async function anonymousAllowed(db: Queryable, config: Pick<Config, "NODE_ENV">): Promise<boolean> {
  if (config.NODE_ENV === "production") return false;
  const [row] = await db.query<{ any: boolean }>(sql`select exists (select 1 from api_keys) as any`);
  return row?.any === false;
}

/** The active key with this plaintext, as a principal; undefined for unknown or revoked keys. */
export async function principalForKey(db: Queryable, key: string): Promise<Principal | undefined> {
  const [row] = await db.query<ApiKeyRecord>(sql`
    select id, name, key_prefix, scopes, collections, rate_limits, created_at, revoked_at
    from api_keys where key_hash = ${hashKey(key)} and revoked_at is null`);
  if (row === undefined) return undefined;
  return {
    name: row.name,
    kind: "key",
    keyPrefix: row.key_prefix,
    scopes: row.scopes,
    collections: row.collections,
    rateLimits: row.rate_limits ?? {},
  };
}
