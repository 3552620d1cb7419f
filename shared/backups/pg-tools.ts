import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childProcessEnv } from "../config.js";

export interface ToolResult {
  stdout: string;
  stderr: string;
}

/** Runs a PostgreSQL client tool; a non-zero exit rejects with its stderr. */
export function runTool(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: childProcessEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (error) => reject(new Error(`${command}: ${error.message}`)));
    child.on("close", (code) => {
      const result = {
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      };
      if (code === 0) resolve(result);
      else reject(new Error(`${command} exited with ${code}: ${result.stderr.trim()}`));
    });
  });
}

/**
 * The URL without its password, and the password as PGPASSWORD: a password on the command line
 * would be readable by every user of the machine (ps).
 */
export function connectionFor(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export async function toolVersion(command: string): Promise<string> {
  return (await runTool(command, ["--version"])).stdout.trim();
}

/** pg_dump in custom format (compressed, restorable table by table). */
export async function pgDump(url: string, file: string, snapshot?: string): Promise<void> {
  const { dbname, env } = connectionFor(url);
  await runTool(
    "pg_dump",
    [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      ...(snapshot ? [`--snapshot=${snapshot}`] : []),
      `--file=${file}`,
      `--dbname=${dbname}`,
    ],
    env,
  );
}

/** `pg_restore --list` reads the whole table of contents: a truncated or foreign file fails it. */
export async function pgRestoreList(file: string): Promise<string> {
  return (await runTool("pg_restore", ["--list", file])).stdout;
}

/**
 * Replaces the `public` schema with the dump's, in one transaction: if any statement fails, the
 * database is left as it was. Not `pg_restore --clean`: it cannot drop the partitions of a
 * partitioned table (audit_logs) and fails on every restore over an existing schema. `check`,
 * a statement run last in that transaction, can refuse what was restored.
 */
export async function pgRestore(url: string, file: string, check?: string): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), "docstack-restore-"));
  const script = join(scratch, "restore.sql");
  try {
    await runTool("pg_restore", ["--no-owner", "--no-privileges", `--file=${script}`, file]);
    await replacePublicSchema(url, [`--file=${script}`, ...(check ? [`--command=${check}`] : [])]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * In one psql transaction (stopping at the first error): drop the `public` schema with
 * everything in it, make it again empty, then run `more` (a restore's script), if any.
 */
async function replacePublicSchema(url: string, more: string[] = []): Promise<void> {
  const { dbname, env } = connectionFor(url);
  await runTool(
    "psql",
    [
      "--no-psqlrc",
      "--quiet",
      "--single-transaction",
      "--set=ON_ERROR_STOP=1",
      // The drop's notices (one per object) would bury the error that stopped a restore.
      "--command=set client_min_messages = warning",
      "--command=drop schema if exists public cascade",
      "--command=create schema public",
      ...more,
      `--dbname=${dbname}`,
    ],
    env,
  );
}

/** Drops every table, row and function of the `public` schema in one transaction (drills only). */
export function pgDropPublicSchema(url: string): Promise<void> {
  return replacePublicSchema(url);
}
