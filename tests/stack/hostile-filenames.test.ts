import { describe, expect, it } from "vitest";
import { api, createCollection, minio, requestFrom, state } from "./stack-client.js";

describe("hostile filenames on the real stack (Nginx, MinIO presigned downloads)", () => {
  it("a path and a CR/LF header injection in the filename are neutralised in the row, the object name and MinIO's download header", async () => {
    const collection = await createCollection();
    const b = `----docstack${crypto.randomUUID()}`;
    const body = [
      `--${b}\r\nContent-Disposition: form-data; name="collection_id"\r\n\r\n${collection}\r\n`,
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''..%2F..%2Fetc%2Fa.txt%0D%0ASet-Cookie%3A%20session%3Dstolen\r\nContent-Type: text/plain\r\n\r\nHostile name.\r\n`,
      `--${b}--\r\n`,
    ].join("");
    const up = await requestFrom("127.0.5.1", "/documents", {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${b}` },
    });
    expect(up.status, up.text).toBe(201);
    const doc = (JSON.parse(up.text) as { document: { id: string; filename: string } }).document;
    expect(doc.filename).toBe("a.txtSet-Cookie: session=stolen");

    // The object is stored under the document's id, nowhere the name points.
    const stat = await minio().statObject(state.minio.bucket, `documents/${doc.id}`);
    expect(stat.size).toBe("Hostile name.".length);

    const link = await api<{ url: string }>(`/documents/${doc.id}/download-url`);
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe("Hostile name.");
    expect(file.headers.get("set-cookie")).toBeNull();
    expect(file.headers.get("content-disposition")).toMatch(
      /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]*$/,
    );
  });
});
