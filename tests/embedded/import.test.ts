import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { composeApps } from "../../functions/compose-apps.js";
import { sql } from "../../shared/db/sql.js";
import { type Served, serveNode } from "../../shared/http/serve-node.js";
import { startIndexWorker, type WorkerHandle } from "../../shared/indexing/index-worker.js";
import { type EmbeddedStack, startEmbeddedStack } from "../support/embedded-stack.js";
import {
  importStateEntries,
  importSummary,
  mixedImportFolder,
  mixedImportSummary,
} from "../support/import-folder.js";
import { printed, runCommand, startCommand, stopCommands } from "../support/run-command.js";

/** `npm run import` as an operator runs it, against the embedded default served on loopback. */
let stack: EmbeddedStack;
let served: Served;
let worker: WorkerHandle;
let work: string;
/** POST /documents requests the server received: what "nothing uploaded twice" is counted by. */
let uploads = 0;
/** While set, uploads past the first `after` wait for it: lets a test interrupt mid-import. */
let gate: { after: number; open: Promise<void> } | undefined;
/** Uploads still to refuse with a 429, as Nginx's per-address limit answers a burst. */
let throttle = 0;

beforeAll(async () => {
  stack = await startEmbeddedStack();
  const app = composeApps(stack.deps);
  served = await serveNode(
    async (request) => {
      if (request.method === "POST" && new URL(request.url).pathname === "/documents") {
        uploads++;
        if (throttle > 0) {
          throttle--;
          return Response.json(
            { type: "urn:docstack:problem:rate_limited", title: "Too many requests", status: 429 },
            { status: 429, headers: { "content-type": "application/problem+json", "retry-after": "1" } },
          );
        }
        if (gate !== undefined && uploads > gate.after) await gate.open;
      }
      return app(request);
    },
    stack.deps,
    0,
  );
  worker = startIndexWorker(
    { ...stack.deps, batchSize: 16 },
    { pollMs: 100, batch: 4, leaseS: 600, auditRetentionMonths: 24 },
  );
  work = await mkdtemp(join(tmpdir(), "docstack-import-"));
});
afterEach(() => stopCommands());
afterAll(async () => {
  await worker.stop();
  await served.close();
  await stack.close();
  await rm(work, { recursive: true, force: true });
});

const mixedFolder = (name: string) => mixedImportFolder(join(work, name));

const importScript = "bin/import.ts";
const args = (dir: string, collection: string, ...more: string[]) => [
  dir,
  "--collection",
  collection,
  "--url",
  served.url,
  ...more,
];

const summary = importSummary;
const stateLines = importStateEntries;

describe("npm run import", () => {
  it("waits out 429 answers and sends the refused uploads again", async () => {
    const collection = await stack.createCollection();
    const dir = await mixedFolder("throttled");
    throttle = 3;
    const run = await runCommand(
      importScript,
      args(dir, collection, "--concurrency", "1", "--state-file", join(work, "throttled.jsonl")),
      {},
    );
    expect(throttle).toBe(0);
    expect(summary(run.stdout), run.stdout).toMatchObject({
      uploaded: 4,
      duplicates: 1,
      refused: 1,
      failed: 0,
    });
  });

  it("uploads a folder of mixed files, skips the duplicate, reports the bad file and waits for indexing", async () => {
    const collection = await stack.createCollection();
    const dir = await mixedFolder("mixed");
    const before = uploads;
    const run = await runCommand(
      importScript,
      args(dir, collection, "--wait", "--state-file", join(work, "mixed.jsonl")),
      {},
    );
    expect(run.code, run.stderr).toBe(1);
    expect(summary(run.stdout)).toEqual(mixedImportSummary);
    expect(run.stdout).toMatch(/refused \(1\): 415 unsupported_media_type/);
    expect(run.stdout).toContain("      broken.pdf");
    // Plain lines, not a bar, when stdout is not a terminal.
    // Whichever of the two copies was hashed first is uploaded, the other is the duplicate.
    expect(run.stdout).toMatch(
      /^duplicate (readme\.txt|sub\/copy-of-readme\.txt): same content as another file of this import /m,
    );
    expect(run.stdout).toMatch(/^indexing 4\/4 documents, 0 failed/m);
    // The duplicate was never sent: four files and the refused one.
    expect(uploads - before).toBe(5);
    const docs = await stack.deps.db.query<{ filename: string; index_status: string }>(sql`
      select filename, index_status from documents where collection_id = ${collection} order by filename`);
    expect(docs.map((d) => d.filename.replace("copy-of-", ""))).toEqual([
      "data.csv",
      "notes.docx",
      "readme.txt",
      "report.pdf",
    ]);
    expect(docs.every((d) => d.index_status === "indexed")).toBe(true);

    // A second run has nothing left to send but the refused file.
    const again = await runCommand(
      importScript,
      args(dir, collection, "--state-file", join(work, "mixed.jsonl")),
      {},
    );
    expect(again.code).toBe(1);
    expect(summary(again.stdout)).toMatchObject({
      uploaded: 0,
      duplicates: 0,
      "skipped (state file)": 5,
      refused: 1,
    });
    expect(uploads - before).toBe(6);
  });

  it("resumes after Ctrl-C without uploading anything twice", async () => {
    const collection = await stack.createCollection();
    const dir = await mixedFolder("resume");
    const state = join(work, "resume.jsonl");
    const before = uploads;
    let release = () => {};
    gate = {
      after: uploads + 1,
      open: new Promise<void>((resolve) => {
        release = resolve;
      }),
    };
    try {
      const first = startCommand(
        importScript,
        args(dir, collection, "--concurrency", "1", "--state-file", state),
        {},
      );
      expect(await printed(first, "uploaded a/report.pdf")).toBe(true);
      // The second upload is held at the server: interrupt while it is in flight, then let it finish.
      first.child.kill("SIGINT");
      expect(await printed(first, "interrupted: finishing the uploads in flight")).toBe(true);
      release();
      const ended = await first.exited;
      expect(ended.code, ended.stderr).toBe(130);
      expect(summary(ended.stdout)).toMatchObject({ uploaded: 2, duplicates: 0, refused: 0 });
    } finally {
      release();
      gate = undefined;
    }
    expect((await stateLines(state)).map((e) => [e.key, e.outcome])).toEqual([
      ["a/report.pdf", "uploaded"],
      ["a/sub/notes.docx", "uploaded"],
    ]);

    const second = await runCommand(
      importScript,
      args(dir, collection, "--concurrency", "1", "--state-file", state),
      {},
    );
    expect(second.code).toBe(1);
    expect(summary(second.stdout)).toMatchObject({
      files: 6,
      uploaded: 2,
      duplicates: 1,
      "skipped (state file)": 2,
      refused: 1,
      failed: 0,
    });
    // 2 before the interrupt, then the refused file, data.csv and readme.txt: none twice.
    expect(uploads - before).toBe(5);
    const [row] = await stack.deps.db.query<{ n: number }>(
      sql`select count(*)::int as n from documents where collection_id = ${collection}`,
    );
    expect(row?.n).toBe(4);
    expect((await stateLines(state)).length).toBe(5);
  });

  it("refuses bad arguments with the usage and exit code 2", async () => {
    const run = await runCommand(importScript, [work, "--collection", "nope"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--collection takes a collection id");
    expect(run.stderr).toContain("usage: npm run import");
  });

  it("stops with exit code 1 when the collection does not exist", async () => {
    const run = await runCommand(
      importScript,
      args(work, crypto.randomUUID(), "--state-file", join(work, "x.jsonl")),
      {},
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/import FAILED: reading the collection: 404 not_found/);
  });
});
