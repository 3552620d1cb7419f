import { describe, expect, it } from "vitest";
import { uploadForm } from "../support/embedded-stack.js";
import { api, json, makeKey, waitFor } from "./stack-client.js";

/*
 * Retrieval analytics through Nginx: queries answered by the two query replicas, each buffering
 * its own events, are all counted by the analytics function once flushed (within a second).
 */

/** A key of this test's own, so the per-key query limit is not shared with other suites. */
let key: string | undefined;
async function as(init: RequestInit = {}): Promise<RequestInit> {
  key ??= await makeKey({ scopes: ["read", "write"] });
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${key}` },
  };
}

async function collection(analyticsText: string): Promise<string> {
  const r = await api<{ id: string }>(
    "/collections",
    await as(json("POST", { name: `stack-an-${crypto.randomUUID()}`, analytics_text: analyticsText })),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

describe("analytics on the stack", () => {
  it("counts the queries of every replica, groups them, and keeps a limited key to its collection", async () => {
    const c = await collection("full");
    const upload = await api<{ document: { id: string } }>("/documents", {
      method: "POST",
      body: uploadForm(c, {
        name: "ferry.txt",
        bytes: "The harbour ferry leaves every forty minutes.\n",
        type: "text/plain",
      }),
    });
    expect(upload.status).toBe(201);
    await waitFor("the document indexed", async () => {
      const s = await api<{ counts: { indexed: number } }>(`/index/status?collection_id=${c}`, await as());
      return s.body.counts.indexed === 1 ? true : undefined;
    });

    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = await api<{ query_id: string }>(
        "/query",
        json("POST", {
          collection_id: c,
          query: i < 10 ? "when does the ferry leave" : "airship",
          mode: "keyword",
        }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      ids.add(r.body.query_id);
    }
    expect(ids.size).toBe(12);
    const feedback = await api(
      `/query/${[...ids][0]}/feedback`,
      json("POST", { collection_id: c, helpful: true }),
    );
    expect(feedback.status).toBe(201);

    const summary = await waitFor("all 12 events written", async () => {
      const r = await api<{ queries: number; zero_results: number; feedback: { helpful: number } }>(
        `/analytics/retrieval?collection_id=${c}`,
        await as(),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.queries === 12 ? r.body : undefined;
    });
    expect(summary).toMatchObject({ zero_results: 2, feedback: { helpful: 1 } });

    const groups = await api<{ top: { queries: number; text: string }[]; hidden_groups: number }>(
      `/analytics/queries?collection_id=${c}`,
      await as(),
    );
    expect(groups.body.top).toEqual([
      { query_hash: expect.any(String), queries: 10, text: "when does the ferry leave" },
    ]);
    expect(groups.body.hidden_groups).toBe(1);

    const other = await collection("off");
    const limited = await makeKey({ scopes: ["read"], collections: [other] });
    const refused = await api(`/analytics/retrieval?collection_id=${c}`, {
      headers: { authorization: `Bearer ${limited}` },
    });
    expect(refused.status).toBe(403);
  });
});
