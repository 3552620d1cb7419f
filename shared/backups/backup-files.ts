import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { privateDirMode, privateFileMode } from "../storage/private-files.js";
import type { BackupFile } from "./manifest.js";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The manifest entry of a file written into a backup (path relative to the backup directory). */
export async function describeFile(backupDir: string, path: string): Promise<BackupFile> {
  const full = join(backupDir, path);
  return { path, size: (await stat(full)).size, sha256: await sha256File(full) };
}

/**
 * Writes beside the target, flushes, then renames: a reader (or a crash) sees the old file or the
 * whole new one, never a part. Owner-only, as everything a backup holds is.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: privateDirMode });
  const temp = `${path}.${randomBytes(6).toString("hex")}.partial`;
  try {
    const handle = await open(temp, "wx", privateFileMode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Streams values as gzip'd JSON lines; the file appears only once complete. */
export async function writeJsonLinesGz(
  path: string,
  lines: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<number> {
  await mkdir(dirname(path), { recursive: true, mode: privateDirMode });
  const temp = `${path}.partial`;
  let count = 0;
  const text = (async function* () {
    for await (const line of lines) {
      count++;
      yield `${JSON.stringify(line)}\n`;
    }
  })();
  try {
    await pipeline(
      Readable.from(text),
      createGzip(),
      createWriteStream(temp, { flags: "w", mode: privateFileMode }),
    );
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return count;
}

/** Reads back what writeJsonLinesGz wrote, one parsed value per line. */
export async function* readJsonLinesGz(path: string): AsyncGenerator<unknown> {
  let rest = "";
  for await (const chunk of createReadStream(path).pipe(createGunzip())) {
    rest += (chunk as Buffer).toString("utf8");
    let newline = rest.indexOf("\n");
    while (newline !== -1) {
      const line = rest.slice(0, newline);
      rest = rest.slice(newline + 1);
      if (line.trim() !== "") yield JSON.parse(line) as unknown;
      newline = rest.indexOf("\n");
    }
  }
  if (rest.trim() !== "") yield JSON.parse(rest) as unknown;
}
