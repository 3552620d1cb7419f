import { audit } from "../audit/audit-log.js";
import type { Database } from "../db/database.js";
import { type ApiKeyRecord, createApiKey, type NewApiKey, revokeApiKey } from "./api-keys.js";

/** `npm run keys -- create`: the key and its audit row commit together. */
export async function issueApiKey(
  db: Database,
  actor: string,
  input: NewApiKey,
): Promise<{ key: string; record: ApiKeyRecord }> {
  return db.transaction(async (tx) => {
    const made = await createApiKey(tx, input);
    const { record } = made;
    await audit(tx, {
      actor,
      action: "key.create",
      target: record.name,
      details: { scopes: record.scopes, collections: record.collections, rate_limits: record.rate_limits },
    });
    return made;
  });
}

/** `npm run keys -- revoke`: true if an active key was revoked, with its audit row. */
export async function withdrawApiKey(db: Database, actor: string, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await revokeApiKey(tx, name))) return false;
    await audit(tx, { actor, action: "key.revoke", target: name });
    return true;
  });
}
