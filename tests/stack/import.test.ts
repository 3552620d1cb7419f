import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../shared/db/sql.js";
import {
  importStateEntries,
  importSummary,
  mixedImportFolder,
  mixedImportSummary,
} from "../support/import-folder.js";
import { printed, runCommand, startCommand, stopCommands } from "../support/run-command.js";
import { sharedFixturesDir } from "../support/shared-fixtures.js";
import { api, createCollection, directDb, minio, state } from "./stack-client.js";

/**
 * `npm run import` against the real stack: through Nginx (whose upload limit answers 429 with
 * Retry-After, which the import waits out), the upload function, MinIO, the worker and Chroma;
 * and from an S3 prefix on the stack's MinIO.
 */
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "docstack-stack-import-"));
});
afterEach(() => stopCommands());
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const importScript = "bin/import.ts";
const args = (source: string, collection: string, ...more: string[]) => [
  source,
  "--collection",
  collection,
  "--url",
  state.nginx,
  "--key",
  state.apiKey,
  ...more,
];

async function documentsIn(collection: string): Promise<{ filename: string; index_status: string }[]> {
  const db = directDb();
  try {
    return await db.query<{ filename: string; index_status: string }>(
      sql`
        select filename, index_status from documents
        where collection_id = ${collection} and deleted_at is null order by filename`,
    );
  } finally {
    await db.close();
  }
}

describe("npm run import on the stack", () => {
  it("imports a folder of mixed files through Nginx and waits for the worker", async () => {
    const collection = await createCollection();
    const dir = await mixedImportFolder(join(work, "mixed"));
    const run = await runCommand(
      importScript,
      args(dir, collection, "--wait", "--state-file", join(work, "mixed.jsonl")),
      {},
    );
    expect(run.code, run.stderr).toBe(1);
    expect(importSummary(run.stdout)).toEqual(mixedImportSummary);
    expect(run.stdout).toMatch(/refused \(1\): 415 unsupported_media_type/);
    const docs = await documentsIn(collection);
    expect(docs.map((d) => d.filename.replace("copy-of-", ""))).toEqual([
      "data.csv",
      "notes.docx",
      "readme.txt",
      "report.pdf",
    ]);
    expect(docs.every((d) => d.index_status === "indexed")).toBe(true);
    const status = await api<{ progress: { done: number; total: number; eta_seconds: number | null } }>(
      `/index/status?collection_id=${collection}`,
    );
    expect(status.body.progress).toMatchObject({ done: 4, total: 4, eta_seconds: 0 });
  });

  it("resumes after Ctrl-C without uploading anything twice", async () => {
    const collection = await createCollection();
    // Nginx lets one upload a second through per address: 16 files take long enough to interrupt.
    const dir = await mixedImportFolder(join(work, "resume"), 10);
    const stateFile = join(work, "resume.jsonl");
    const first = startCommand(
      importScript,
      args(dir, collection, "--concurrency", "1", "--state-file", stateFile),
      {},
    );
    expect(await printed(first, "uploaded a/report.pdf")).toBe(true);
    first.child.kill("SIGINT");
    const ended = await first.exited;
    expect(ended.code, ended.stdout).toBe(130);
    const one = importSummary(ended.stdout);
    const recorded = await importStateEntries(stateFile);
    expect(recorded.length).toBe((one.uploaded ?? 0) + (one.duplicates ?? 0));
    expect(recorded.length).toBeLessThan(15);

    const second = await runCommand(
      importScript,
      args(dir, collection, "--concurrency", "1", "--state-file", stateFile),
      {},
    );
    expect(second.code).toBe(1);
    const two = importSummary(second.stdout);
    expect(two, second.stdout).toMatchObject({
      files: 16,
      "skipped (state file)": recorded.length,
      refused: 1,
      failed: 0,
    });
    // 14 distinct good files: each uploaded once across the two runs, the copy a duplicate once.
    expect((one.uploaded ?? 0) + (two.uploaded ?? 0)).toBe(14);
    expect((one.duplicates ?? 0) + (two.duplicates ?? 0)).toBe(1);
    expect((await documentsIn(collection)).length).toBe(14);
    expect((await importStateEntries(stateFile)).length).toBe(15);
  });

  it("imports an S3 prefix from MinIO", async () => {
    const collection = await createCollection();
    const client = minio();
    const bucket = `import-${crypto.randomUUID().slice(0, 8)}`;
    await client.makeBucket(bucket);
    try {
      const fixtures = sharedFixturesDir ?? "";
      for (const [key, file] of [
        ["archive/2024/report.pdf", "docling-multi_page.pdf"],
        ["archive/2024/notes/linn.txt", "ocrmypdf-linn.txt"],
        ["archive/2024/data.csv", "csvkit-Datagov_FY10_EDU_recp_by_State.csv"],
        ["elsewhere/not-this.txt", "ocrmypdf-introduction.md"],
      ] as const) {
        await client.putObject(bucket, key, await readFile(join(fixtures, file)));
      }
      const run = await runCommand(
        importScript,
        args(`s3://${bucket}/archive/`, collection, "--wait", "--state-file", join(work, "s3.jsonl")),
        {
          S3_ENDPOINT: state.minio.endpoint,
          S3_ACCESS_KEY: state.minio.accessKey,
          S3_SECRET_KEY: state.minio.secretKey,
        },
      );
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(importSummary(run.stdout)).toMatchObject({
        files: 3,
        uploaded: 3,
        refused: 0,
        failed: 0,
        indexed: 3,
      });
      expect((await documentsIn(collection)).map((d) => d.filename)).toEqual([
        "data.csv",
        "linn.txt",
        "report.pdf",
      ]);
    } finally {
      for await (const item of client.listObjectsV2(bucket, "", true)) {
        const name = (item as { name?: string }).name;
        if (name) await client.removeObject(bucket, name);
      }
      await client.removeBucket(bucket);
    }
  });
});
