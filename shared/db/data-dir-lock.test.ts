import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirBusyError, holderName, lockDataDir, lockName, lockStaleMs } from "./data-dir-lock.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "docstack-datadir-lock-"));
  made.push(dir);
  return dir;
}

/** A lock as another process leaves it: the directory, its holder record, and its age. */
async function leaveLock(dir: string, holder: { pid: number; host: string }, ageMs: number) {
  await mkdir(join(dir, lockName));
  await writeFile(
    join(dir, holderName),
    JSON.stringify({ ...holder, command: "bin/start.ts", since: "2024-01-01T00:00:00.000Z" }),
  );
  const at = new Date(Date.now() - ageMs);
  await utimes(join(dir, lockName), at, at);
}

describe("the data directory lock", () => {
  it("records its holder while held and leaves nothing behind once released", async () => {
    const dir = await dataDir();
    const lock = await lockDataDir(dir);
    expect((await readdir(dir)).sort()).toEqual([lockName, holderName].sort());
    const holder = JSON.parse(await readFile(join(dir, holderName), "utf8"));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it("is shared by nested users in one process and freed by the last of them", async () => {
    const dir = await dataDir();
    const outer = await lockDataDir(dir);
    const inner = await lockDataDir(dir);
    await inner.release();
    expect(await readdir(dir)).toContain(lockName);
    await outer.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses while another machine's process keeps its lock fresh, naming it, and changes nothing", async () => {
    const dir = await dataDir();
    await leaveLock(dir, { pid: 1, host: "another-container" }, 1_000);
    const before = await readFile(join(dir, holderName), "utf8");
    const refused = await lockDataDir(dir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirBusyError);
    expect((refused as Error).message).toContain(`DATA_DIR ${dir} is in use by another Docstack process`);
    expect((refused as Error).message).toContain("pid 1 on another-container: bin/start.ts");
    expect(await readFile(join(dir, holderName), "utf8")).toBe(before);
  });

  it("takes over a lock nobody refreshed for the stale period", async () => {
    const dir = await dataDir();
    await leaveLock(dir, { pid: 1, host: "another-container" }, lockStaleMs + 5_000);
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(join(dir, holderName), "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("takes over at once a lock whose process on this machine is gone", async () => {
    const dir = await dataDir();
    // No process has this pid (above Linux's pid_max); its lock is as fresh as can be.
    await leaveLock(dir, { pid: 999_999_999, host: hostname() }, 0);
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(join(dir, holderName), "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });
});
