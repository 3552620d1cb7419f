import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  diffSnapshots,
  type RankedResult,
  type StoreSnapshot,
  snapshotsIdentical,
} from "./store-snapshot.js";

function snapshot(parts: Partial<StoreSnapshot> = {}): StoreSnapshot {
  return {
    rows: { documents: new Map([["d1", canonicalJson({ id: "d1", size: 10n })]]) },
    objects: new Map([["c/d1", "aa"]]),
    vectors: new Map([["c/d1:0", Float32Array.from([0.6, 0.8])]]),
    queries: new Map([["c vector q", [{ id: "d1:0", score: 0.9 }]]]),
    ...parts,
  };
}
const ranked = (...r: [string, number][]): RankedResult[] => r.map(([id, score]) => ({ id, score }));

describe("diffSnapshots", () => {
  it("finds nothing between equal snapshots", () => {
    const diff = diffSnapshots(snapshot(), snapshot());
    expect(snapshotsIdentical(diff)).toBe(true);
    expect(diff.objects).toMatchObject({ before: 1, after: 1, lost: 0, changed: 0, added: 0 });
  });

  it("counts lost, changed and added items per section", () => {
    const after = snapshot({
      rows: { documents: new Map([["d1", canonicalJson({ id: "d1", size: 11n })]]) },
      objects: new Map([["c/d2", "bb"]]),
    });
    const diff = diffSnapshots(snapshot(), after);
    expect(snapshotsIdentical(diff)).toBe(false);
    expect(diff["rows.documents"]).toMatchObject({ changed: 1, lost: 0 });
    expect(diff.objects).toMatchObject({ lost: 1, added: 1, examples: ["lost c/d1", "added c/d2"] });
  });

  it("takes a vector re-rounded in its last bits as the same, a changed component as not", () => {
    const nudged = snapshot({ vectors: new Map([["c/d1:0", Float32Array.from([0.6 + 3e-8, 0.8 - 3e-8])]]) });
    expect(diffSnapshots(snapshot(), nudged).vectors?.changed).toBe(0);
    const moved = snapshot({ vectors: new Map([["c/d1:0", Float32Array.from([0.6, 0.8001])]]) });
    expect(diffSnapshots(snapshot(), moved).vectors?.changed).toBe(1);
    const shorter = snapshot({ vectors: new Map([["c/d1:0", Float32Array.from([0.6])]]) });
    expect(diffSnapshots(snapshot(), shorter).vectors?.changed).toBe(1);
  });

  it("lets tied results trade places, even across the top-k cut, but nothing else", () => {
    const q = (r: RankedResult[]) => snapshot({ queries: new Map([["k", r]]) });
    const before = q(ranked(["a", 0.9], ["b", 0.5], ["c", 0.5]));
    const cases: [RankedResult[], number][] = [
      [ranked(["a", 0.9], ["b", 0.5], ["c", 0.5]), 0],
      [ranked(["a", 0.9], ["c", 0.5], ["b", 0.500000001]), 0], // a tie, swapped
      [ranked(["a", 0.9], ["b", 0.5], ["d", 0.5]), 0], // a tie at the cut: another member made it
      [ranked(["b", 0.9], ["a", 0.5], ["c", 0.5]), 1], // not a tie
      [ranked(["a", 0.9], ["b", 0.5], ["c", 0.49]), 1], // a score moved
      [ranked(["a", 0.9], ["b", 0.5]), 1], // a result lost
      [ranked(["a", 0.9], ["d", 0.5], ["c", 0.5]), 0], // d ties with the cut in both lists
      [ranked(["z", 0.9], ["b", 0.5], ["c", 0.5]), 1], // a different top result
    ];
    for (const [after, changed] of cases) {
      expect(diffSnapshots(before, q(after)).queries?.changed, JSON.stringify(after)).toBe(changed);
    }
  });
});

describe("canonicalJson", () => {
  it("sorts keys and writes bigints as text", () => {
    expect(canonicalJson({ b: 1n, a: { d: 2, c: [3] } })).toBe('{"a":{"c":[3],"d":2},"b":"1"}');
  });
});
