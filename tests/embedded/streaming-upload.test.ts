import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { pngBytes } from "../support/fixtures.js";

/**
 * Refused uploads over a real socket, where the body arrives in small chunks: the part of the
 * file after the 8 KiB read to check its type must be drained, or the request never finishes.
 * (In-process requests deliver the body whole and cannot show this.)
 */
let stack: EmbeddedStack;
let served: Served;
let collection: string;
beforeAll(async () => {
  stack = await startEmbeddedStack({ MAX_UPLOAD_BYTES: String(100 * 1024) });
  served = await serveNode(composeApps(stack.deps), stack.deps, 0);
  collection = await stack.createCollection();
});
afterAll(async () => {
  await served.close();
  await stack.close();
});

const post = (form: FormData) =>
  fetch(`${served.url}/documents`, { method: "POST", body: form, signal: AbortSignal.timeout(20_000) });

describe("refused uploads larger than the type check's read", () => {
  it("a 2 MB PNG named .pdf gets 415 and nothing is stored", async () => {
    const before = await stack.counts();
    const big = new Uint8Array(2 * 1024 * 1024);
    big.set(pngBytes);
    const r = await post(uploadForm(collection, { name: "scan.pdf", bytes: big }));
    expect(r.status).toBe(415);
    expect(await stack.counts()).toEqual(before);
  });

  it("a 2 MB text file over a 100 KB limit gets 413 and nothing is stored", async () => {
    const before = await stack.counts();
    const r = await post(uploadForm(collection, { name: "big.txt", bytes: "q".repeat(2 * 1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(await stack.counts()).toEqual(before);
  });
});
