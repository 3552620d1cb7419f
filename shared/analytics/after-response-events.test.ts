import type { ExecutionContext } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsEventsCounted } from "../../tests/support/analytics-events-counted.js";
import { openMigratedDatabase } from "../../tests/support/pglite-snapshot.js";
import { parseConfig } from "../config.js";
import type { Database } from "../db/database.js";
import { sql } from "../db/sql.js";
import { currentRequest, withRequestScope } from "../deps/build-worker-deps.js";
import { createLogger } from "../logging/logger.js";
import { buildWorkerQueryEvents } from "./build-query-events.js";
import type { AnalyticsText, QueryEvent, QueryEventSink } from "./query-event.js";

/*
 * The Workers sink as worker-entry.ts wires it: each request runs in withRequestScope, whose
 * after-response work goes to the ExecutionContext's waitUntil. The fake context keeps those
 * promises, as the runtime does until they settle; the events land in a real (PGlite) database.
 */

let db: Database;
let collection: string;
beforeAll(async () => {
  db = await openMigratedDatabase();
  collection = crypto.randomUUID();
  await db.query(sql`
    insert into collections (id, name, name_key, name_skeleton, embedding_model, embedding_dimension)
    values (${collection}, 'workers', 'workers', 'workers', 'm', 3)`);
});
afterAll(() => db.close());

interface FakeContext extends ExecutionContext {
  /** What was handed to waitUntil, in order. */
  pending: Promise<unknown>[];
}

function executionContext(): FakeContext {
  const pending: Promise<unknown>[] = [];
  return {
    pending,
    waitUntil: (promise) => {
      pending.push(promise);
    },
    passThroughOnException: () => {},
    props: {},
  };
}

/** One request as worker-entry.ts serves it. */
function serve<T>(ctx: ExecutionContext, handler: () => Promise<T>): Promise<T> {
  return withRequestScope(handler, (promise) => ctx.waitUntil(promise));
}

function sink(env: Record<string, string> = {}): QueryEventSink {
  return buildWorkerQueryEvents(parseConfig(env), db, createLogger("silent"), currentRequest);
}

const event = (keep: AnalyticsText = "off", queryId: string = crypto.randomUUID()): QueryEvent => ({
  queryId,
  at: new Date(),
  collectionId: collection,
  apiKeyName: "reader",
  mode: "keyword",
  latencyMs: 3,
  resultCount: 0,
  topScore: null,
  documentIds: [],
  cacheHit: false,
  errorClass: null,
  query: { text: "Opening hours?", keep },
});

async function stored(ids: string[]) {
  return db.query<{ query_id: string; api_key_name: string; query_hash: string | null }>(sql`
    select query_id, api_key_name, query_hash from query_events
    where query_id = any(${ids}::uuid[]) order by query_id`);
}

const counted = analyticsEventsCounted;

describe("query events on Workers", () => {
  it("writes a request's events after its response, through waitUntil", async () => {
    const events = sink();
    expect(events.kind).toBe("after-response");
    const ctx = executionContext();
    const asked = [event("off"), event("hashed")];
    const written = await counted("written");
    const answer = await serve(ctx, async () => {
      for (const e of asked) events.record(e);
      // While the request is served nothing is written: recording only appended.
      expect(await stored(asked.map((e) => e.queryId))).toEqual([]);
      return "answered";
    });
    expect(answer).toBe("answered");
    expect(ctx.pending).toHaveLength(1);
    await Promise.all(ctx.pending);
    const rows = await stored(asked.map((e) => e.queryId));
    expect(rows.map((r) => r.query_id)).toEqual(asked.map((e) => e.queryId).sort());
    expect(rows.every((r) => r.api_key_name === "reader")).toBe(true);
    // The installation's hash key was read from the database by the write.
    const hashed = rows.find((r) => r.query_id === asked[1]?.queryId);
    expect(hashed?.query_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await counted("written")).toBe(written + 2);
  });

  it("answers while the database is busy, and drops and counts events past ANALYTICS_BUFFER", async () => {
    const events = sink({ ANALYTICS_BUFFER: "2" });
    const dropped = await counted("dropped");
    // PGlite runs one thing at a time: while this transaction waits, every write waits too.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const busy = db.transaction(() => gate);
    const first = executionContext();
    const second = executionContext();
    const kept = [event(), event()];
    const late = event();
    try {
      // Resolving at all proves the response does not wait for the (blocked) write.
      await serve(first, async () => {
        for (const e of kept) events.record(e);
      });
      await serve(second, async () => events.record(late));
      expect(await counted("dropped")).toBe(dropped + 1);
      expect(second.pending).toEqual([]);
    } finally {
      release();
      await busy;
    }
    await Promise.all(first.pending);
    expect((await stored([...kept, late].map((e) => e.queryId))).map((r) => r.query_id)).toEqual(
      kept.map((e) => e.queryId).sort(),
    );
    // The writes done, the isolate has room again.
    const third = executionContext();
    const next = event();
    await serve(third, async () => events.record(next));
    await Promise.all(third.pending);
    expect(await stored([next.queryId])).toHaveLength(1);
  });

  it("counts a failed write, settles waitUntil's promise all the same, and goes on", async () => {
    const events = sink();
    const failed = await counted("failed");
    const ctx = executionContext();
    // Not a uuid: the insert is refused by the database.
    await serve(ctx, async () => events.record(event("off", "not-a-uuid")));
    await expect(Promise.all(ctx.pending)).resolves.toBeDefined();
    expect(await counted("failed")).toBe(failed + 1);
    const after = executionContext();
    const next = event();
    await serve(after, async () => events.record(next));
    await Promise.all(after.pending);
    expect(await stored([next.queryId])).toHaveLength(1);
  });

  it("drops and counts an event recorded outside a request or after its work is over", async () => {
    const events = sink();
    const dropped = await counted("dropped");
    const outside = event();
    events.record(outside);
    // Continuations of a request that run once it is over (still in its async context): one of a
    // request that left no work, one of a request whose write is done.
    const straggle = async (asked: QueryEvent[]) => {
      let resume = () => {};
      const later = new Promise<void>((resolve) => {
        resume = resolve;
      });
      const ctx = executionContext();
      const straggler = event();
      let recordedLate: Promise<void> = Promise.resolve();
      await serve(ctx, async () => {
        for (const e of asked) events.record(e);
        recordedLate = later.then(() => events.record(straggler));
      });
      await Promise.all(ctx.pending);
      resume();
      await recordedLate;
      expect(ctx.pending).toHaveLength(asked.length > 0 ? 1 : 0);
      return straggler;
    };
    const idle = await straggle([]);
    const answered = event();
    const busy = await straggle([answered]);
    expect(await counted("dropped")).toBe(dropped + 3);
    const ids = [outside, idle, answered, busy].map((e) => e.queryId);
    expect((await stored(ids)).map((r) => r.query_id)).toEqual([answered.queryId]);
  });

  it("records nothing with ANALYTICS=off", async () => {
    const events = sink({ ANALYTICS: "off" });
    expect(events.kind).toBe("off");
    const ctx = executionContext();
    const unrecorded = event();
    await serve(ctx, async () => events.record(unrecorded));
    expect(ctx.pending).toEqual([]);
    expect(await stored([unrecorded.queryId])).toEqual([]);
  });
});
