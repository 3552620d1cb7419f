import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { Deps } from "../deps/deps.js";
import { type Collection, insertCollection, type NewCollection } from "./collections.js";

/** POST /collections: the collection and its audit row commit together, or neither does. */
export async function createCollection(
  deps: Pick<Deps, "db" | "vectors" | "embedder">,
  actor: Principal,
  input: NewCollection,
): Promise<Collection> {
  return deps.db.transaction(async (tx) => {
    const collection = await insertCollection(tx, deps.vectors, deps.embedder, input);
    await audit(tx, { actor: actor.name, action: "collection.create", target: collection.id });
    return collection;
  });
}
