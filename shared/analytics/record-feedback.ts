import type { Principal } from "../auth/principal.js";
import { getCollectionFor } from "../collections/collections.js";
import { sql } from "../db/sql.js";
import type { Deps } from "../deps/deps.js";

export interface Feedback {
  queryId: string;
  collectionId: string;
  helpful: boolean;
  documentId?: string;
}

/**
 * POST /query/{query_id}/feedback: whether an answer helped, and optionally which document. It
 * names its collection, whose access the caller must have, and is stored at once; the query's
 * own event may still be in a replica's buffer, so the query id is not looked up (a made-up id
 * only adds feedback nobody's query carries).
 */
export async function recordFeedback(
  deps: Pick<Deps, "db">,
  actor: Principal,
  feedback: Feedback,
): Promise<void> {
  await getCollectionFor(deps.db, actor, feedback.collectionId);
  await deps.db.query(sql`
    insert into query_feedback (query_id, collection_id, helpful, document_id, api_key_name)
    values (${feedback.queryId}, ${feedback.collectionId}, ${feedback.helpful}, ${feedback.documentId ?? null},
      ${actor.kind === "key" ? actor.name : null})`);
}
