import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FsObjectStore } from "./fs-object-store.js";

async function* bytes(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield new TextEncoder().encode(p);
}

describe("FsObjectStore", () => {
  let root: string;
  let store: FsObjectStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "docstack-fs-"));
    store = new FsObjectStore({ root, publicUrl: "http://localhost:1234", signingSecret: "s".repeat(32) });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("stores, lists, reads and deletes", async () => {
    expect(await store.put("c1/d1", bytes("hello ", "world"), "text/plain")).toBe(11);
    expect(await store.list()).toEqual(["c1/d1"]);
    expect(new TextDecoder().decode(await store.get("c1/d1"))).toBe("hello world");
    await store.delete("c1/d1");
    await store.delete("c1/d1");
    expect(await store.exists("c1/d1")).toBe(false);
  });

  it("leaves nothing behind when the stream fails", async () => {
    async function* failing(): AsyncIterable<Uint8Array> {
      yield new Uint8Array([1, 2, 3]);
      throw new Error("client went away");
    }
    await expect(store.put("c1/broken", failing(), "text/plain")).rejects.toThrow("client went away");
    expect(await store.list("c1/")).toEqual([]);
  });

  it.each(["../etc/passwd", "/abs", "a/../../b", "a//b", ""])("refuses unsafe name %j", async (name) => {
    await expect(store.put(name, bytes("x"), "text/plain")).rejects.toThrow(/unsafe/);
  });

  it("signs links that verify until they expire, and rejects tampering", async () => {
    const url = new URL(
      await store.presignGet("c1/d2", { ttlSeconds: 60, filename: "a.pdf", contentType: "application/pdf" }),
    );
    const req = {
      name: url.pathname.replace(/^\/files\//, ""),
      expires: Number(url.searchParams.get("expires")),
      filename: url.searchParams.get("filename") ?? "",
      contentType: url.searchParams.get("type") ?? "",
      signature: url.searchParams.get("signature") ?? "",
    };
    expect(store.verify(req)).toBe(true);
    expect(store.verify({ ...req, name: "c1/other" })).toBe(false);
    expect(store.verify({ ...req, filename: "b.pdf" })).toBe(false);
    expect(store.verify(req, req.expires + 1)).toBe(false);
  });
});
