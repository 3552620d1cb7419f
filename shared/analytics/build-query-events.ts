import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../logging/logger.js";
import { AfterResponseEvents, type RequestScope } from "./after-response-events.js";
import { EventBuffer } from "./event-buffer.js";
import { noQueryEvents, type QueryEvent, type QueryEventSink } from "./query-event.js";
import { hashKey } from "./query-text.js";
import { storedHashSecret, writeQueryEvents } from "./write-query-events.js";

/** Events per insert, and the longest a partial batch waits. */
const batch = 500;
const flushMs = 1000;

/**
 * The key query texts are hashed with: ANALYTICS_HASH_KEY, or the installation's own, read from
 * the database on first use. The key itself is kept, not a promise of it: on Workers a promise
 * settled by one request's I/O is not for another request to await. A failed read is retried
 * with the next batch.
 */
function queryHashKey(config: Config, db: Database): () => Promise<CryptoKey> {
  let key: CryptoKey | undefined;
  return async () => {
    key ??= await hashKey(config.ANALYTICS_HASH_KEY ?? (await storedHashSecret(db)));
    return key;
  };
}

function writer(config: Config, db: Database): (events: QueryEvent[]) => Promise<void> {
  const key = queryHashKey(config, db);
  return async (events) => writeQueryEvents(db, events, await key());
}

/** Node: query events buffered and written in batches (ANALYTICS=on), or none. */
export function buildQueryEvents(config: Config, db: Database, log: Logger): QueryEventSink {
  if (config.ANALYTICS === "off") return noQueryEvents;
  return new EventBuffer(writer(config, db), { capacity: config.ANALYTICS_BUFFER, batch, flushMs }, log);
}

/**
 * Workers: each request's query events written after its response (ANALYTICS=on), or none.
 * `currentRequest` names the request being served (build-worker-deps.ts).
 */
export function buildWorkerQueryEvents(
  config: Config,
  db: Database,
  log: Logger,
  currentRequest: () => RequestScope | undefined,
): QueryEventSink {
  if (config.ANALYTICS === "off") return noQueryEvents;
  return new AfterResponseEvents(currentRequest, writer(config, db), config.ANALYTICS_BUFFER, log);
}
