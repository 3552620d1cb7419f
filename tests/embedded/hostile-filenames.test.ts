import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";

let stack: EmbeddedStack;
beforeAll(async () => {
  stack = await startEmbeddedStack();
});
afterAll(() => stack.close());

/** A multipart upload written by hand, so the file part's header says exactly what a hostile client would. */
function rawUpload(collection: string, fileParams: string, content: string) {
  const b = `----docstack${crypto.randomUUID()}`;
  const body = [
    `--${b}\r\nContent-Disposition: form-data; name="collection_id"\r\n\r\n${collection}\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="file"; ${fileParams}\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`,
    `--${b}--\r\n`,
  ].join("");
  return stack.json<{ document: { id: string; filename: string }; code?: string; requestId?: string }>(
    "/documents",
    { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${b}` }, body },
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe("hostile filenames", () => {
  const cases: [string, string, string][] = [
    ["path traversal", 'filename="../../etc/passwd"', "passwd"],
    ["Windows path", 'filename="..\\\\..\\\\windows\\\\win.ini"', "win.ini"],
    ["encoded traversal (RFC 5987)", "filename*=UTF-8''..%2F..%2F..%2Fetc%2Fcron.d%2Fx", "x"],
    [
      "header injection (CR/LF)",
      "filename*=UTF-8''a.txt%0D%0ASet-Cookie%3A%20session%3Dstolen",
      "a.txtSet-Cookie: session=stolen",
    ],
    ["NUL byte", "filename*=UTF-8''notes%00.exe.txt", "notes.exe.txt"],
    ["right-to-left override", "filename*=UTF-8''invoice%E2%80%AEtxt.exe", "invoicetxt.exe"],
  ];

  for (const [what, params, stored] of cases) {
    it(`${what}: stored as a plain name, the object under its id, the download header intact`, async () => {
      const collection = await stack.createCollection();
      const before = await filesUnder(stack.dataDir);
      const up = await rawUpload(collection, params, `Uploaded as ${what}.`);
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect(up.body.document.filename).toBe(stored);

      // Exactly one new file, where objects go, named by the document's id and nothing else.
      const added = (await filesUnder(stack.dataDir)).filter((f) => !before.includes(f));
      const objectFiles = added.filter((f) => f.startsWith("objects/"));
      expect(objectFiles).toEqual([`objects/documents/${up.body.document.id}`]);

      const link = await stack.json<{ url: string }>(`/documents/${up.body.document.id}/download-url`);
      expect(link.status).toBe(200);
      const url = new URL(link.body.url, "http://docstack.invalid");
      const file = await stack.request(url.pathname + url.search);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe(`Uploaded as ${what}.`);
      const disposition = file.headers.get("content-disposition") ?? "";
      expect(disposition).toMatch(
        /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]*$/,
      );
      expect(file.headers.get("set-cookie")).toBeNull();
    });
  }

  it("a name with nothing left after cleaning is a 400 problem, and nothing is stored", async () => {
    const collection = await stack.createCollection();
    const before = await stack.counts();
    for (const params of ['filename=".."', 'filename="dir/"', "filename*=UTF-8''%0D%0A"]) {
      const r = await rawUpload(collection, params, "x");
      expect(r.status, params).toBe(400);
      expect(r.response.headers.get("content-type")).toBe("application/problem+json");
      expect(r.body.requestId).toBeTruthy();
    }
    expect(await stack.counts()).toEqual(before);
  });
});
