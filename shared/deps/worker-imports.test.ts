import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What each Workers entry can reach through its relative imports, static or dynamic. A Node-only
 * module in there would break the bundle, or worse, bundle a native library that fails at run
 * time; `bash infra/workers/check-bundles.sh` builds the real bundles, this is the quick guard.
 */
const root = resolve(import.meta.dirname, "../..");
const nodeOnly = [
  "onnxruntime-node",
  "@huggingface/tokenizers",
  "@electric-sql/pglite",
  "ioredis",
  // worker_threads: Workers extract in process (shared/extract/sandbox/in-process-extractor.ts).
  "piscina",
];

async function reachable(entry: string): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    // Type-only imports vanish from the bundle: they are not followed.
    const source = (await readFile(file, "utf8")).replace(/(?:import|export)\s+type\s[^;]*;/g, "");
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(
      (m) => m[1] ?? "",
    );
    seen.set(file, specifiers);
    for (const s of specifiers) {
      if (s.startsWith(".")) await visit(resolve(dirname(file), s.replace(/\.js$/, ".ts")));
    }
  };
  await visit(entry);
  return seen;
}

describe("Workers entries", async () => {
  const functions = (await readdir(join(root, "functions"), { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const entries = functions.map((f) => join(root, "functions", f, "entry.worker.ts"));

  it.each(entries)("%s reaches no Node-only package", async (entry) => {
    const graph = await reachable(entry);
    // The walk follows imports: an entry reaches the app, its routes and the shared library.
    expect(graph.size).toBeGreaterThan(20);
    const offenders = [...graph].flatMap(([file, specifiers]) =>
      specifiers
        .filter((s) => nodeOnly.some((p) => s === p || s.startsWith(`${p}/`)))
        .map((s) => `${file}: ${s}`),
    );
    expect(offenders).toEqual([]);
    expect([...graph.keys()].some((f) => f.endsWith("onnx-embedder.ts"))).toBe(false);
    // The parsers (mammoth, the ZIP readers, …) weigh most of a bundle: only the index function
    // extracts, and with the portable formats alone: pdf.js and OCR are Node's (all-formats.ts).
    const reaches = (path: string) => [...graph.keys()].some((f) => f.endsWith(path));
    expect(reaches("shared/extract/read-document.ts")).toBe(entry.includes("/functions/index/"));
    expect(reaches("shared/extract/formats/all-formats.ts")).toBe(false);
    expect(reaches("shared/extract/pdf-blocks.ts")).toBe(false);
    expect(reaches("shared/extract/detect-encoding.ts")).toBe(false);
  });
});
