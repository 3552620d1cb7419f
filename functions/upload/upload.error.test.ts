import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../../tests/support/embedded-stack.js";
import { elfBytes, makePdf, pngBytes } from "../../tests/support/fixtures.js";

let stack: EmbeddedStack;
let collection: string;
beforeAll(async () => {
  stack = await startEmbeddedStack({ MAX_UPLOAD_BYTES: "1024" });
  collection = await stack.createCollection();
});
afterAll(() => stack.close());

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { code: string; requestId: string; detail: string; status: number };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.requestId).toBe(response.headers.get("x-request-id"));
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

const multipart = (body: string, boundary = "XyZ") => ({
  method: "POST",
  headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  body,
});

describe("upload rejects bad input with a problem and writes nothing", () => {
  const cases: [string, () => Promise<RequestInit>, number, string][] = [
    [
      "missing file",
      async () => {
        const f = new FormData();
        f.set("collection_id", collection);
        return { method: "POST", body: f };
      },
      400,
      "bad_request",
    ],
    [
      "empty file",
      async () => ({ method: "POST", body: uploadForm(collection, { name: "e.txt", bytes: "" }) }),
      400,
      "bad_request",
    ],
    [
      "unsupported type",
      async () => ({ method: "POST", body: uploadForm(collection, { name: "run.exe", bytes: elfBytes }) }),
      415,
      "unsupported_media_type",
    ],
    [
      "PNG spoofed as PDF",
      async () => ({ method: "POST", body: uploadForm(collection, { name: "photo.pdf", bytes: pngBytes }) }),
      415,
      "unsupported_media_type",
    ],
    [
      "executable spoofed as text",
      async () => ({ method: "POST", body: uploadForm(collection, { name: "notes.txt", bytes: elfBytes }) }),
      415,
      "unsupported_media_type",
    ],
    [
      "PDF spoofed as CSV",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "data.csv", bytes: await makePdf([["x"]]) }),
      }),
      415,
      "unsupported_media_type",
    ],
    [
      "oversize",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "big.txt", bytes: "x".repeat(1025) }),
      }),
      413,
      "payload_too_large",
    ],
    [
      "oversize across many stream chunks",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "big.txt", bytes: "y".repeat(50_000) }),
      }),
      413,
      "payload_too_large",
    ],
    [
      // Larger than the 8 KiB read to check the type: the rest must be drained, not hang.
      "1 MB PNG spoofed as PDF",
      async () => {
        const big = new Uint8Array(1024 * 1024);
        big.set(pngBytes);
        return { method: "POST", body: uploadForm(collection, { name: "big.pdf", bytes: big }) };
      },
      415,
      "unsupported_media_type",
    ],
    [
      "1 MB text over the limit",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "big.txt", bytes: "z".repeat(1024 * 1024) }),
      }),
      413,
      "payload_too_large",
    ],
    [
      "metadata with a NUL character",
      async () => ({
        method: "POST",
        body: uploadForm(
          collection,
          { name: "nul.txt", bytes: "fine text" },
          { metadata: '{"a":"x\\u0000y"}' },
        ),
      }),
      422,
      "validation_failed",
    ],
    [
      "malformed multipart (truncated)",
      async () =>
        multipart(
          `--XyZ\r\nContent-Disposition: form-data; name="collection_id"\r\n\r\n${collection}\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello`,
        ),
      400,
      "bad_request",
    ],
    [
      "multipart without boundary",
      async () => ({ method: "POST", headers: { "content-type": "multipart/form-data" }, body: "x" }),
      400,
      "bad_request",
    ],
    [
      "not multipart at all",
      async () => ({ method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      415,
      "unsupported_media_type",
    ],
    [
      "unknown collection",
      async () => ({
        method: "POST",
        body: uploadForm(crypto.randomUUID(), { name: "a.txt", bytes: "hello" }),
      }),
      404,
      "not_found",
    ],
    [
      "collection id not a uuid",
      async () => ({ method: "POST", body: uploadForm("nope", { name: "a.txt", bytes: "hello" }) }),
      422,
      "validation_failed",
    ],
    [
      "metadata not JSON",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "a.txt", bytes: "hello" }, { metadata: "{oops" }),
      }),
      422,
      "validation_failed",
    ],
    [
      "metadata an array",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "a.txt", bytes: "hello" }, { metadata: "[1]" }),
      }),
      422,
      "validation_failed",
    ],
    [
      "bad on_duplicate",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "a.txt", bytes: "hello" }, { on_duplicate: "merge" }),
      }),
      422,
      "validation_failed",
    ],
    [
      "file in the wrong field",
      async () => {
        const f = new FormData();
        f.set("collection_id", collection);
        f.set("attachment", new Blob(["hi"]), "a.txt");
        return { method: "POST", body: f };
      },
      400,
      "bad_request",
    ],
    [
      "a misspelt field (metdata), not silently dropped",
      async () => ({
        method: "POST",
        body: uploadForm(collection, { name: "typo.txt", bytes: "Typo." }, { metdata: '{"a":1}' }),
      }),
      422,
      "validation_failed",
    ],
    [
      "two files",
      async () => {
        const f = uploadForm(collection, { name: "a.txt", bytes: "one" });
        f.append("file", new Blob(["two"]), "b.txt");
        return { method: "POST", body: f };
      },
      400,
      "bad_request",
    ],
  ];

  it.each(cases)("%s", async (_name, init, status, code) => {
    const before = await stack.counts();
    await expectProblem(await stack.request("/documents", await init()), status, code);
    expect(await stack.counts()).toEqual(before);
  });
});

describe("other upload routes reject bad input", () => {
  it.each([
    [
      "unknown document",
      "/documents/00000000-0000-4000-8000-000000000000",
      "GET",
      undefined,
      404,
      "not_found",
    ],
    ["document id not a uuid", "/documents/abc", "GET", undefined, 422, "validation_failed"],
    [
      "download link of unknown document",
      "/documents/00000000-0000-4000-8000-000000000000/download-url",
      "GET",
      undefined,
      404,
      "not_found",
    ],
    [
      "delete unknown document",
      "/documents/00000000-0000-4000-8000-000000000000",
      "DELETE",
      undefined,
      404,
      "not_found",
    ],
    [
      "unknown collection",
      "/collections/00000000-0000-4000-8000-000000000000",
      "GET",
      undefined,
      404,
      "not_found",
    ],
    ["bad JSON", "/collections", "POST", "{not json", 400, "bad_request"],
    ["collection without name", "/collections", "POST", "{}", 422, "validation_failed"],
    ["page size too large", "/documents?limit=1000", "GET", undefined, 422, "validation_failed"],
    ["unsigned file link", "/files/documents/x", "GET", undefined, 403, "forbidden"],
    ["unknown path", "/nowhere", "GET", undefined, 404, "not_found"],
  ] as const)("%s", async (_name, path, method, body, status, code) => {
    const before = await stack.counts();
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = body;
      init.headers = { "content-type": "application/json" };
    }
    const problem = await expectProblem(await stack.request(path, init), status, code);
    if (code === "validation_failed" && method !== "GET") expect(problem).toHaveProperty("errors");
    expect(await stack.counts()).toEqual(before);
  });

  it("refuses a second collection with the same name", async () => {
    const name = `dup-${crypto.randomUUID()}`;
    const init = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name }),
    };
    expect((await stack.request("/collections", init)).status).toBe(201);
    await expectProblem(await stack.request("/collections", init), 409, "conflict");
  });

  it("names the invalid field", async () => {
    const res = await stack.request("/collections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "" }),
    });
    const problem = (await expectProblem(res, 422, "validation_failed")) as unknown as {
      errors: { path: string }[];
    };
    expect(problem.errors.map((e) => e.path)).toContain("name");
  });
});
