import { describe, expect, it } from "vitest";
import { analyticsEventsCounted } from "../../tests/support/analytics-events-counted.js";
import { createLogger } from "../logging/logger.js";
import { EventBuffer } from "./event-buffer.js";
import type { QueryEvent } from "./query-event.js";

const event = (n: number): QueryEvent => ({
  queryId: `q${n}`,
  at: new Date(),
  collectionId: "c",
  apiKeyName: null,
  mode: "keyword",
  latencyMs: 1,
  resultCount: 0,
  topScore: null,
  documentIds: [],
  cacheHit: false,
  errorClass: null,
  query: { text: "x", keep: "off" },
});

const counted = analyticsEventsCounted;

describe("EventBuffer", () => {
  it("drops and counts what arrives while it is full, and never waits for the writer", async () => {
    const written: string[][] = [];
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const buffer = new EventBuffer(
      async (events) => {
        await blocked;
        written.push(events.map((e) => e.queryId));
      },
      { capacity: 3, batch: 2, flushMs: 60_000 },
      createLogger("silent"),
    );
    const dropped = await counted("dropped");
    // The first two fill a batch and go to the (stuck) writer; three more fill the buffer.
    for (let n = 1; n <= 2; n++) buffer.record(event(n));
    await new Promise((resolve) => setImmediate(resolve));
    for (let n = 3; n <= 7; n++) buffer.record(event(n));
    expect(await counted("dropped")).toBe(dropped + 2);
    release();
    await buffer.close();
    expect(written.flat()).toEqual(["q1", "q2", "q3", "q4", "q5"]);
  });

  it("drops a batch whose write fails, counts it, and goes on with the next", async () => {
    const failed = await counted("failed");
    let calls = 0;
    const written: string[] = [];
    const buffer = new EventBuffer(
      async (events) => {
        calls++;
        if (calls === 1) throw new Error("database down");
        written.push(...events.map((e) => e.queryId));
      },
      { capacity: 10, batch: 2, flushMs: 60_000 },
      createLogger("silent"),
    );
    for (let n = 1; n <= 3; n++) buffer.record(event(n));
    await buffer.flush();
    expect(await counted("failed")).toBe(failed + 2);
    expect(written).toEqual(["q3"]);
  });
});
