import { describe, expect, it } from "vitest";
import { revokeApiKey } from "../../shared/auth/api-keys.js";
import { sql } from "../../shared/db/sql.js";
import { uploadForm } from "../support/embedded-stack.js";
import { api, createCollection, directDb, json, makeKey, requestFrom, state } from "./stack-client.js";

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("API keys through Nginx on the real stack", () => {
  it("refuses missing, unknown, revoked, under-scoped and other-collection keys, and writes nothing", async () => {
    const a = await createCollection();
    const b = await createCollection();
    const reader = await makeKey({ scopes: ["read"] });
    const forB = await makeKey({ scopes: ["read", "write"], collections: [b] });
    const revoked = await makeKey({ name: `revoked-${crypto.randomUUID().slice(0, 8)}`, scopes: ["admin"] });
    const db = directDb();
    try {
      const [row] = await db.query<{ name: string }>(
        sql`select name from api_keys where name like 'revoked-%' order by created_at desc limit 1`,
      );
      await revokeApiKey(db, row?.name ?? "");
      // Each from its own loopback address: Nginx allows one upload a second per address.
      const cases: [string, Record<string, string>, number][] = [
        ["no key", { authorization: "" }, 401],
        ["unknown key", bearer("dsk_unknown"), 401],
        ["revoked key", { authorization: "", "x-api-key": revoked }, 401],
        ["read-only key", bearer(reader), 403],
        ["key for another collection", { authorization: "", "x-api-key": forB }, 403],
      ];
      for (const [i, [what, headers, status]] of cases.entries()) {
        const body = uploadForm(a, { name: "x.txt", bytes: "Should not be stored." });
        const r = await requestFrom(`127.0.20.${10 + i}`, "/documents", { method: "POST", body, headers });
        expect(r.status, `${what}: ${r.text}`).toBe(status);
        expect(JSON.parse(r.text).status, what).toBe(status);
      }
      const q = await api("/query", {
        ...json("POST", { collection_id: a, query: "x" }),
        headers: { "content-type": "application/json", ...bearer(forB) },
      });
      expect(q.status).toBe(403);
      const [count] = await db.query<{ n: number }>(
        sql`select count(*)::int as n from documents where collection_id = ${a}`,
      );
      expect(count?.n).toBe(0);
      // The same key is fine in its own collection, and the public probe needs none.
      const ok = await api("/query", {
        ...json("POST", { collection_id: b, query: "x" }),
        headers: { "content-type": "application/json", ...bearer(forB) },
      });
      expect(ok.status).toBe(200);
      expect((await fetch(`${state.nginx}/health`)).status).toBe(200);
    } finally {
      await db.close();
    }
  });

  it("answers 404, not 503, for a document that is not there, behind PostgreSQL's circuit breaker", async () => {
    // A use case throws its not-found inside a transaction: the breaker must take it as an answer.
    const missing = crypto.randomUUID();
    for (let i = 0; i < 5; i++) {
      expect((await api(`/documents/${missing}`, { method: "DELETE" })).status).toBe(404);
      expect((await api(`/documents/${missing}/reindex`, { method: "POST" })).status).toBe(404);
    }
    expect((await api("/collections")).status).toBe(200);
  });
});
