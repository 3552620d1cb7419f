import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../shared/auth/api-keys.js";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

interface Page {
  items: { actor: string; action: string; target: string; at: string }[];
  total: number;
}

describe("the audit log", () => {
  it("GET /audit lists what keys did, newest first, filtered, for admins only", async () => {
    const db = stack.deps.db;
    const admin = (await createApiKey(db, { name: "auditor", scopes: ["admin"] })).key;
    const writer = (await createApiKey(db, { name: "clerk", scopes: ["read", "write"] })).key;
    const as = (key: string) => ({ authorization: `Bearer ${key}` });
    const collection = await stack.json<{ id: string }>("/collections", {
      method: "POST",
      headers: { ...as(writer), "content-type": "application/json" },
      body: JSON.stringify({ name: `audit-${crypto.randomUUID()}` }),
    });
    const up = await stack.json<{ document: { id: string } }>("/documents", {
      method: "POST",
      headers: as(writer),
      body: uploadForm(collection.body.id, { name: "a.txt", bytes: "Audited upload." }),
    });
    await stack.request(`/documents/${up.body.document.id}/download-url`, { headers: as(writer) });
    await stack.request(`/documents/${up.body.document.id}`, { method: "DELETE", headers: as(writer) });

    expect((await stack.json("/audit", { headers: as(writer) })).status).toBe(403);
    const page = await stack.json<Page>("/audit?actor=clerk", { headers: as(admin) });
    expect(page.status).toBe(200);
    expect(page.body.items.map((e) => e.action)).toEqual([
      "document.delete",
      "document.download_url",
      "document.upload",
      "collection.create",
    ]);
    expect(page.body.total).toBe(4);
    const one = await stack.json<Page>(`/audit?action=document.upload&target=${up.body.document.id}`, {
      headers: as(admin),
    });
    expect(one.body.items).toHaveLength(1);
    const none = await stack.json<Page>(
      `/audit?actor=clerk&since=${new Date(Date.now() + 60_000).toISOString()}`,
      {
        headers: as(admin),
      },
    );
    expect(none.body).toMatchObject({ items: [], total: 0 });
    expect((await stack.json("/audit?limit=0", { headers: as(admin) })).status).toBe(422);
  });

  it("drops monthly partitions older than the retention, and keeps the current ones", async () => {
    const db = stack.deps.db;
    await db.query(
      sql`create table audit_logs_2001_01 partition of audit_logs for values from ('2001-01-01') to ('2001-02-01')`,
    );
    await db.query(
      sql`insert into audit_logs (at, actor, action, target) values ('2001-01-15', 'old', 'document.upload', 'x')`,
    );
    await db.query(sql`select ensure_audit_partitions(1)`);
    const dropped = await db.query<{ name: string }>(
      sql`select drop_audit_partitions_older_than(24) as name`,
    );
    expect(dropped.map((d) => d.name)).toEqual(["audit_logs_2001_01"]);
    const [left] = await db.query<{ n: number }>(
      sql`select count(*)::int as n from audit_logs where actor = 'old'`,
    );
    expect(left?.n).toBe(0);
    const [current] = await db.query<{ ok: boolean }>(
      sql`select to_regclass(${`audit_logs_${new Date().toISOString().slice(0, 7).replace("-", "_")}`}) is not null as ok`,
    );
    expect(current?.ok).toBe(true);
  });
});
