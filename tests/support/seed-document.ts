import type { Queryable } from "../../shared/db/database.js";
import { sql } from "../../shared/db/sql.js";

/** A collection and one document row in it, straight in SQL, for migration tests on older schemas. */
export async function seedDocument(
  db: Queryable,
  collectionName: string,
): Promise<{ collection: string; document: string }> {
  const collection = crypto.randomUUID();
  const document = crypto.randomUUID();
  await db.query(sql`
    insert into collections (id, name, name_key, name_skeleton, embedding_model, embedding_dimension)
    values (${collection}, ${collectionName}, ${collectionName}, ${collectionName}, 'm', 3)`);
  await db.query(sql`
    insert into documents (id, filename, object_name, content_type, size, sha256, collection_id)
    values (${document}, 'a.txt', 'a', 'text/plain', 1, ${"0".repeat(64)}, ${collection})`);
  return { collection, document };
}
