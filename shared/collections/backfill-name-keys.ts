import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import { collectionNameKeys } from "./collection-name-key.js";

/**
 * Migration 010's data step: gives every collection without them its name keys, then makes the
 * keys required. Collections made before names were compared by key can read alike; none is
 * renamed or refused: the oldest keeps each key (so new look-alikes of it are refused), a later
 * one gets the key followed by a line break and its id, which no cleaned name can produce.
 */
export async function backfillCollectionNameKeys(tx: Queryable): Promise<void> {
  const rows = await tx.query<{ id: string; name: string }>(
    sql`select id::text, name from collections where name_key is null order by created_at, id`,
  );
  const keyed = await tx.query<{ name_key: string; name_skeleton: string }>(
    sql`select name_key, name_skeleton from collections where name_key is not null`,
  );
  const taken = {
    folded: new Set(keyed.map((r) => r.name_key)),
    visual: new Set(keyed.map((r) => r.name_skeleton)),
  };
  const ids: string[] = [];
  const folded: string[] = [];
  const visual: string[] = [];
  for (const row of rows) {
    const keys = collectionNameKeys(row.name);
    const unique = (kind: "folded" | "visual") => {
      const key = taken[kind].has(keys[kind]) ? `${keys[kind]}\n${row.id}` : keys[kind];
      taken[kind].add(key);
      return key;
    };
    ids.push(row.id);
    folded.push(unique("folded"));
    visual.push(unique("visual"));
  }
  if (ids.length > 0) {
    await tx.query(sql`
      update collections c set name_key = v.folded, name_skeleton = v.visual
      from unnest(${ids}::uuid[], ${folded}::text[], ${visual}::text[]) as v(id, folded, visual)
      where c.id = v.id`);
  }
  await tx.query(sql`alter table collections alter column name_key set not null`);
  await tx.query(sql`alter table collections alter column name_skeleton set not null`);
}
