import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../logging/logger.js";
import { EventBuffer } from "./event-buffer.js";
import { noQueryEvents, type QueryEventSink } from "./query-event.js";
import { hashKey } from "./query-text.js";
import { storedHashSecret, writeQueryEvents } from "./write-query-events.js";

/** Events per insert, and the longest a partial batch waits. */
const batch = 500;
const flushMs = 1000;

/** Node: query events buffered and written in batches (ANALYTICS=on), or none. */
export function buildQueryEvents(config: Config, db: Database, log: Logger): QueryEventSink {
  if (config.ANALYTICS === "off") return noQueryEvents;
  let key: Promise<CryptoKey> | undefined;
  const keyOnce = () => {
    key ??= (config.ANALYTICS_HASH_KEY ? Promise.resolve(config.ANALYTICS_HASH_KEY) : storedHashSecret(db))
      .then(hashKey)
      .catch((error: unknown) => {
        key = undefined;
        throw error;
      });
    return key;
  };
  return new EventBuffer(
    async (events) => writeQueryEvents(db, events, await keyOnce()),
    { capacity: config.ANALYTICS_BUFFER, batch, flushMs },
    log,
  );
}
