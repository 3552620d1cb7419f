import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import type { DocumentRow } from "../documents/document-row.js";
import { visibleTo } from "../documents/visible-to.js";
import { ApiError } from "../errors/api-error.js";
import { requeueDocuments } from "./requeue-documents.js";

/** POST /documents/{id}/reindex: back to pending, with its audit row, in one transaction. */
export async function reindexDocument(db: Database, actor: Principal, id: string): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    const [row] = await requeueDocuments(tx, sql`id = ${id} and ${visibleTo(actor, sql`collection_id`)}`);
    if (row === undefined) throw new ApiError("not_found", `Document ${id} not found`);
    await audit(tx, { actor: actor.name, action: "document.reindex", target: id });
    return row;
  });
}
