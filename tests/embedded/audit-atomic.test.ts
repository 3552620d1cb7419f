import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiKey } from "../../shared/auth/manage-keys.js";
import { sql } from "../../shared/db/sql.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
let collection: string;
let doc: string;

const json = { "content-type": "application/json" };

/** The audit log refuses every row, as a full disk or a broken partition would. */
async function breakAuditLog() {
  await stack.deps.db.execScript(`
    create or replace function refuse_audit() returns trigger language plpgsql as $$
    begin raise exception 'audit log unavailable (test)'; end $$;
    create trigger refuse_audit before insert on audit_logs for each row execute function refuse_audit();`);
}

async function mendAuditLog() {
  await stack.deps.db.execScript("drop trigger if exists refuse_audit on audit_logs");
}

async function state() {
  const [row] = await stack.deps.db.query<Record<string, unknown>>(sql`select
    (select count(*)::int from collections) as collections,
    (select count(*)::int from audit_logs) as audit,
    (select json_agg(json_build_object('id', id, 'status', index_status, 'deleted', deleted_at is not null,
       'attempts', index_attempts, 'filename', filename, 'metadata', metadata) order by id) from documents) as documents`);
  return { ...row, objects: (await stack.deps.objects.list()).length };
}

beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  const up = await stack.json<{ document: { id: string } }>("/documents", {
    method: "POST",
    body: uploadForm(collection, { name: "kept.txt", bytes: "A document that must survive." }),
  });
  doc = up.body.document.id;
  await stack.indexAll();
  await breakAuditLog();
});
afterAll(async () => {
  await mendAuditLog();
  await stack.close();
});

describe("an operation whose audit row cannot be written", () => {
  const cases: [string, () => Promise<Response>][] = [
    [
      "POST /collections",
      () =>
        stack.request("/collections", {
          method: "POST",
          headers: json,
          body: JSON.stringify({ name: `unaudited-${crypto.randomUUID()}` }),
        }),
    ],
    [
      "POST /documents",
      () =>
        stack.request("/documents", {
          method: "POST",
          body: uploadForm(collection, { name: "new.txt", bytes: "Never stored without its audit row." }),
        }),
    ],
    [
      "POST /documents (replace)",
      () =>
        stack.request("/documents", {
          method: "POST",
          body: uploadForm(
            collection,
            { name: "kept.txt", bytes: "A document that must survive." },
            { on_duplicate: "replace" },
          ),
        }),
    ],
    [
      "PATCH /documents/{id}",
      () =>
        stack.request(`/documents/${doc}`, {
          method: "PATCH",
          headers: json,
          body: JSON.stringify({ metadata: { unaudited: true }, filename: "unaudited.txt" }),
        }),
    ],
    ["DELETE /documents/{id}", () => stack.request(`/documents/${doc}`, { method: "DELETE" })],
    ["POST /documents/{id}/reindex", () => stack.request(`/documents/${doc}/reindex`, { method: "POST" })],
    ["GET /documents/{id}/download-url", () => stack.request(`/documents/${doc}/download-url`)],
  ];

  it.each(cases)("%s answers 503 and changes nothing", async (_name, send) => {
    const before = await state();
    const response = await send();
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const body = (await response.json()) as { code: string; detail: string };
    expect(body.code).toBe("service_unavailable");
    expect(body.detail).toContain("audit log");
    expect(await state()).toEqual(before);
  });

  it("npm run keys: a key is not created or revoked without its audit row", async () => {
    const keys = sql`select count(*)::int as n from api_keys where revoked_at is null`;
    const [before] = await stack.deps.db.query<{ n: number }>(keys);
    await expect(issueApiKey(stack.deps.db, "cli", { name: "unaudited", scopes: ["read"] })).rejects.toThrow(
      /audit log/,
    );
    expect(await stack.deps.db.query<{ n: number }>(keys)).toEqual([before]);
  });

  it("goes through once the audit log is back", async () => {
    await mendAuditLog();
    const response = await stack.request(`/documents/${doc}/reindex`, { method: "POST" });
    expect(response.status).toBe(202);
    const [row] = await stack.deps.db.query<{ n: number }>(
      sql`select count(*)::int as n from audit_logs where action = 'document.reindex' and target = ${doc}`,
    );
    expect(row?.n).toBe(1);
  });
});
