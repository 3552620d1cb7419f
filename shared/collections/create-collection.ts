import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import { isUniqueViolation } from "../db/errors.js";
import type { Deps } from "../deps/deps.js";
import {
  type Collection,
  collectionReadingLike,
  draftCollection,
  insertCollection,
  type NewCollection,
  nameConflict,
} from "./collections.js";

/**
 * POST /collections: the vector store's collection is made first (outside the transaction:
 * the embedded vector store shares the database), then the row and its audit entry commit
 * together, or neither does and the vector collection is dropped again.
 */
export async function createCollection(
  deps: Pick<Deps, "db" | "vectors" | "embedder">,
  actor: Principal,
  input: NewCollection,
): Promise<Collection> {
  const draft = await draftCollection(deps.db, input);
  const target = { id: draft.id, dimension: deps.embedder.dimension };
  await deps.vectors.ensureCollection(target);
  try {
    return await deps.db.transaction(async (tx) => {
      const collection = await insertCollection(tx, draft, deps.embedder);
      await audit(tx, { actor: actor.name, action: "collection.create", target: collection.id });
      return collection;
    });
  } catch (error) {
    await deps.vectors.dropCollection(target).catch(() => {});
    // Another request took a name that reads the same between the check and the insert.
    if (isUniqueViolation(error))
      throw nameConflict(draft, await collectionReadingLike(deps.db, draft).catch(() => undefined));
    throw error;
  }
}
