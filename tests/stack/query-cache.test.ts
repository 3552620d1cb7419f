import { describe, expect, it } from "vitest";
import { uploadForm } from "../support/embedded-stack.js";
import { api, createCollection, makeKey, state, waitFor } from "./stack-client.js";

async function hits(replica: string): Promise<number> {
  const text = await (await fetch(`${replica}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith('docstack_query_cache_total{result="hit"}'));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("query cache in Redis", () => {
  it("an answer computed by one query replica is served from Redis by the other, until the index changes", async () => {
    const key = await makeKey({ scopes: ["read", "write"], rateLimits: { query: 10_000 } });
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const collection = await createCollection();
    const upload = async (name: string, text: string) => {
      const r = await api("/documents", {
        method: "POST",
        headers: { authorization: `Bearer ${key}` },
        body: uploadForm(collection, { name, bytes: text }),
      });
      expect(r.status).toBe(201);
    };
    const indexed = (n: number) =>
      waitFor(`${n} indexed`, async () => {
        const s = await api<{ counts: { indexed: number } }>(`/index/status?collection_id=${collection}`);
        return s.body.counts.indexed === n ? true : undefined;
      });
    await upload("a.txt", "The library lends twelve books to each member.");
    await indexed(1);
    const [one, two] = state.functions.query ?? [];
    if (one === undefined || two === undefined) throw new Error("two query replicas expected");
    const body = JSON.stringify({ collection_id: collection, query: "library books", mode: "hybrid" });
    const ask = (replica: string) =>
      api<{ results: { document_id: string }[] }>("/query", { method: "POST", headers, body }, replica);

    const before = await hits(two);
    const first = await ask(one);
    const second = await ask(two);
    expect(second.body.results).toEqual(first.body.results);
    expect(await hits(two)).toBe(before + 1);

    await upload("b.txt", "Library members may also borrow music.");
    await indexed(2);
    const third = await ask(two);
    expect(third.body.results).toHaveLength(2);
    expect(await hits(two)).toBe(before + 1);
  });
});
