import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleOptions, entries, repoRoot } from "./build.js";

/**
 * What each function's bundle loads at start: the modules its entry reaches through static
 * imports. A heavy module behind a dynamic import() is initialised only when it is used.
 */
const functions = ["upload", "index", "query", "backup-status", "health", "analytics"] as const;

/** Loaded only where the configuration or the work asks for it, never at a function's start. */
const heavy = [
  "@electric-sql/pglite",
  "@electric-sql/pglite-pgvector",
  "@huggingface/tokenizers",
  "@napi-rs/canvas",
  "piscina",
  "minio",
  "ioredis",
  "chromadb",
  "onnxruntime-node",
  "tesseract.js",
  "unpdf",
  "pdfjs-dist",
  "mammoth",
  "@zip.js/zip.js",
  "jschardet",
  "shared/extract/extract-document.ts",
  "shared/extract/read-document.ts",
  "shared/backups/",
];
/** What a function does need at start. */
const needs: Partial<Record<(typeof functions)[number], string[]>> = {
  "backup-status": ["shared/backups/"],
};

/**
 * What the entry loads at start: the bundled modules it reaches through static imports, and every
 * external package any bundled module imports statically, lazily imported modules included: a
 * bundle hoists those imports to its own top, so they load at start whatever imported them.
 */
function loadedAtStart(meta: Metafile, entry: string): Set<string> {
  const bundled = (followDynamic: boolean): Set<string> => {
    const seen = new Set([entry]);
    const queue = [entry];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const imported of meta.inputs[file]?.imports ?? []) {
        if (imported.external || seen.has(imported.path)) continue;
        if (imported.kind === "dynamic-import" && !followDynamic) continue;
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
    return seen;
  };
  const loaded = bundled(false);
  for (const file of bundled(true)) {
    for (const imported of meta.inputs[file]?.imports ?? []) {
      if (imported.external && imported.kind === "import-statement") loaded.add(imported.path);
    }
  }
  return loaded;
}

let meta: Metafile;
const out = mkdtempSync(join(tmpdir(), "docstack-build-test-"));

beforeAll(async () => {
  const result = await build({
    ...bundleOptions(Object.fromEntries(functions.map((f) => [f, entries[f] ?? ""])), out),
    write: false,
    logLevel: "silent",
  });
  meta = result.metafile ?? { inputs: {}, outputs: {} };
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run build", () => {
  it.each(functions)("%s loads no engine, parser or subsystem it does not use at start", (fn) => {
    const entry = entries[fn] ?? "";
    const loaded = [...loadedAtStart(meta, entry)];
    // The walk follows imports: an entry reaches its app, routes and the shared library.
    expect(loaded.length).toBeGreaterThan(50);
    const offenders = heavy
      .filter((h) => !(needs[fn] ?? []).includes(h))
      .filter((h) =>
        loaded.some((path) => path === h || path.includes(`node_modules/${h}`) || path.startsWith(h)),
      );
    expect(offenders).toEqual([]);
  });

  it("leaves postgres.js unbundled, so its lost errors are still recognised by the driver's file", () => {
    const imports = Object.values(meta.inputs).flatMap((input) => input.imports);
    expect(imports.some((i) => i.path === "postgres" && i.external)).toBe(true);
    expect(Object.keys(meta.inputs).filter((path) => path.includes("node_modules/postgres/"))).toEqual([]);
  });

  it("sees packages in the walk: upload loads its multipart parser at start", () => {
    const loaded = [...loadedAtStart(meta, entries.upload ?? "")];
    expect(loaded.some((p) => p.includes("node_modules/busboy"))).toBe(true);
  });
});

describe("the production images", () => {
  const dockerfile = readFileSync(join(repoRoot, "Dockerfile"), "utf8");
  /** The instructions of one stage (FROM … AS name up to the next FROM). */
  const stage = (name: string): string[] => {
    const stages = dockerfile.split(/^(?=FROM )/m);
    const found = stages.find((s) => new RegExp(`^FROM \\S+ AS ${name}\\b`).test(s)) ?? "";
    return found.split("\n").filter((line) => /^[A-Z]+ /.test(line));
  };

  it.each([
    "function",
    "backup",
  ])("%s runs the bundles on Node 24, with no TypeScript sources or tsx", (name) => {
    const lines = stage(name);
    expect(lines.length).toBeGreaterThan(3);
    // Copies from the build context (a --from copy takes another stage's files).
    const copies = lines.filter((l) => l.startsWith("COPY ") && !l.startsWith("COPY --from"));
    expect(copies.filter((l) => /\b(shared|functions|bin|tools|tsconfig\.json)\b/.test(l))).toEqual([]);
    expect(lines.some((l) => l.startsWith("CMD ") && l.includes("dist/$FUNCTION.js"))).toBe(true);
    expect(lines.filter((l) => l.includes("tsx"))).toEqual([]);
    expect(dockerfile.match(/node:(\d+)-/g)?.every((tag) => tag === "node:24-")).toBe(true);
  });

  it("installs neither tsx nor TypeScript with the production dependencies", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).filter((d) => ["tsx", "typescript", "esbuild"].includes(d))).toEqual(
      [],
    );
  });
});
