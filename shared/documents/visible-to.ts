import type { Principal } from "../auth/principal.js";
import { type SqlFragment, sql } from "../db/sql.js";

/**
 * The rows of `collectionColumn` the caller may see: all, or their key's collections. Documents
 * outside them are answered as not found, so a limited key cannot learn that one exists.
 */
export function visibleTo(actor: Principal, collectionColumn: SqlFragment): SqlFragment {
  return actor.collections === null
    ? sql`true`
    : sql`${collectionColumn} = any(${[...actor.collections]}::uuid[])`;
}
