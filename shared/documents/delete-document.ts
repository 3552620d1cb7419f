import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import { ApiError, dependencyUnavailable } from "../errors/api-error.js";
import type { ObjectStore } from "../storage/object-store.js";
import type { VectorStore } from "../vectors/vector-store.js";
import type { DocumentRow } from "./document-row.js";
import { visibleTo } from "./visible-to.js";

interface DeleteDeps {
  db: Database;
  objects: ObjectStore;
  vectors: VectorStore;
}

/**
 * Removes a document everywhere: vectors, object, chunks and row, in that order. The row is
 * marked first (deleted_at), which hides it at once and records the intent; the row goes last,
 * so if any store fails the marked row remains and a retry (or the worker's sweep) finishes.
 * It never reports success with something left behind.
 */
export async function purgeDocument(deps: DeleteDeps, row: DocumentRow): Promise<void> {
  const [collection] = await deps.db.query<{ embedding_dimension: number }>(
    sql`select embedding_dimension from collections where id = ${row.collection_id}`,
  );
  const target = { id: row.collection_id, dimension: collection?.embedding_dimension ?? 1 };
  try {
    await deps.vectors.deleteDocuments(target, [row.id]);
  } catch (error) {
    throw dependencyUnavailable("The vector store", error);
  }
  try {
    await deps.objects.delete(row.object_name);
  } catch (error) {
    throw dependencyUnavailable("The object store", error);
  }
  await deps.db.query(sql`delete from documents where id = ${row.id}`);
}

/**
 * DELETE /documents/{id}: marks the document (hidden from search at once; the mark moves the
 * collection's index version) with its audit row in one transaction, then purges it from every
 * store. A document already marked (a failed earlier attempt) is finished. A key limited to
 * other collections gets 404, as for a document that does not exist.
 */
export async function deleteDocument(deps: DeleteDeps, actor: Principal, id: string): Promise<DocumentRow> {
  const row = await deps.db.transaction(async (tx) => {
    const [marked] = await tx.query<DocumentRow>(sql`
      update documents set deleted_at = coalesce(deleted_at, now()), claim_token = null
      where id = ${id} and ${visibleTo(actor, sql`collection_id`)} returning *`);
    if (marked === undefined) throw new ApiError("not_found", `Document ${id} not found`);
    await audit(tx, {
      actor: actor.name,
      action: "document.delete",
      target: marked.id,
      details: { filename: marked.filename, sha256: marked.sha256 },
    });
    return marked;
  });
  await purgeDocument(deps, row);
  return row;
}

/** Finishes deletions that failed part-way (called by the index worker's loop). */
export async function purgeMarkedDocuments(
  deps: DeleteDeps,
  olderThanS: number,
  limit = 50,
): Promise<number> {
  const rows = await deps.db.query<DocumentRow>(sql`
    select * from documents where deleted_at is not null
    and deleted_at < now() - make_interval(secs => ${olderThanS}) order by deleted_at limit ${limit}`);
  let purged = 0;
  for (const row of rows) {
    try {
      await purgeDocument(deps, row);
      purged++;
    } catch {
      // Still unavailable; the next sweep tries again.
    }
  }
  return purged;
}
