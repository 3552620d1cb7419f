import { describe, expect, it } from "vitest";
import { placeOf, summarizeProfile } from "./cpu-profile.js";

describe("placeOf", () => {
  it.each([
    ["file:///r/node_modules/postgres/src/connection.js", "postgres"],
    ["file:///r/node_modules/@hono/node-server/dist/index.mjs", "@hono/node-server"],
    ["file:///r/shared/retrieval/search.ts", "shared/retrieval"],
    ["file:///r/bench/run.ts", "bench"],
    ["node:internal/streams/readable", "node"],
    ["", "(native/V8)"],
  ])("%s -> %s", (url, want) => {
    expect(placeOf(url, "/r")).toBe(want);
  });
});

describe("summarizeProfile", () => {
  it("charges Node's own time to the nearest package or repository frame up the stack", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const s = summarizeProfile(
      {
        nodes: [
          { id: 1, callFrame: frame("(root)", ""), children: [2] },
          { id: 2, callFrame: frame("query", "file:///r/node_modules/postgres/q.js"), children: [3] },
          { id: 3, callFrame: frame("write", "node:net"), children: [4] },
          { id: 4, callFrame: frame("writeBuffer", ""), children: [] },
        ],
        samples: [4, 4, 3, 2],
        timeDeltas: [1000, 1000, 1000, 1000],
      },
      "/r",
    );
    expect(s.byCaller).toEqual([{ name: "postgres", ms: 4, share: 1 }]);
    expect(s.byPlace.map((p) => p.name)).toEqual(["(native/V8)", "node", "postgres"]);
  });

  it("adds self time per sample, leaving idle out of the shares", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const s = summarizeProfile(
      {
        nodes: [
          { id: 1, callFrame: frame("(idle)", "") },
          { id: 2, callFrame: frame("parse", "file:///r/node_modules/postgres/a.js") },
          { id: 3, callFrame: frame("search", "file:///r/shared/retrieval/search.ts") },
        ],
        samples: [1, 2, 2, 3],
        timeDeltas: [4000, 3000, 3000, 2000],
      },
      "/r",
    );
    expect(s.totalMs).toBe(12);
    expect(s.idleShare).toBeCloseTo(1 / 3);
    expect(s.byPlace).toEqual([
      { name: "postgres", ms: 6, share: 0.75 },
      { name: "shared/retrieval", ms: 2, share: 0.25 },
    ]);
    expect(s.byFunction[0]?.name).toBe("parse postgres:1");
  });
});
