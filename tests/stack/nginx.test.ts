import { describe, expect, it } from "vitest";
import { api, createCollection } from "./stack-client.js";

describe("Nginx", () => {
  it("answers an oversize upload with 413 before it reaches the function", async () => {
    const collection = await createCollection();
    const big = new Uint8Array(102 * 1024 * 1024).fill(0x61);
    const form = new FormData();
    form.set("collection_id", collection);
    form.set("file", new Blob([big]), "big.txt");
    const r = await api<{ code: string; detail: string }>("/documents", { method: "POST", body: form });
    expect(r.status).toBe(413);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    // Nginx's own problem text: the function never saw the body.
    expect(r.body).toMatchObject({
      code: "payload_too_large",
      detail: "The request body exceeds the upload limit",
    });
    const docs = await api<{ totals: { count: number } }>(`/documents?collection_id=${collection}`);
    expect(docs.body.totals.count).toBe(0);
  });

  it.each([
    "/",
    "/admin",
    "/documentsx",
    "/v1/query",
  ])("answers %s, which no function serves, with a problem+json 404", async (path) => {
    const r = await api<{ code: string; requestId: string }>(path);
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.code).toBe("not_found");
    expect(r.body.requestId).toBe(r.headers.get("x-request-id"));
  });

  it("passes the request id through to the function and back, and sets security headers", async () => {
    const r = await api("/health", { headers: { "x-request-id": "test-request-id-12345" } });
    expect(r.headers.get("x-request-id")).toBe("test-request-id-12345");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
  });

  it("passes the longest query string the contract allows (no 414 from Nginx, no 431 from Node)", async () => {
    // 1000 four-byte characters: 12 KB once percent-encoded, plus the other filters at their limits.
    const params = new URLSearchParams({
      filename: "\u{1F4C4}".repeat(1000),
      content_type: "\u{1F4C4}".repeat(200),
      created_by: "\u{1F4C4}".repeat(200),
    });
    const r = await api(`/documents?${params}`);
    expect(r.status, JSON.stringify(r.body).slice(0, 200)).toBe(200);
  });
});
