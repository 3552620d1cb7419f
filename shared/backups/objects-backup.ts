import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { ObjectStore } from "../storage/object-store.js";
import { blobPath } from "./backup-dir.js";
import type { BackupDocument } from "./backup-documents.js";
import {
  describeFile,
  readJsonLinesGz,
  sha256File,
  sha256Hex,
  writeFileAtomic,
  writeJsonLinesGz,
} from "./backup-files.js";
import type { BackupComponentManifest } from "./manifest.js";

/** One line per object: which document, its name in the store, and the blob holding its bytes. */
export const objectsIndexFile = "objects.jsonl.gz";

export interface ObjectEntry {
  document_id: string;
  object_name: string;
  sha256: string;
  size: number;
  content_type: string;
}

async function blobIsIntact(path: string, sha256: string, size: number): Promise<boolean> {
  try {
    if ((await stat(path)).size !== size) return false;
    return (await sha256File(path)) === sha256;
  } catch {
    return false;
  }
}

/**
 * Copies each document's object into the content-addressed blob store under `root`, checked
 * against documents.sha256. A blob already there (and intact) is not copied again.
 */
export async function backupObjects(
  objects: ObjectStore,
  documents: readonly BackupDocument[],
  root: string,
  dir: string,
): Promise<BackupComponentManifest> {
  const started = Date.now();
  const problems: string[] = [];
  const entries: ObjectEntry[] = [];
  let copied = 0;
  let copiedBytes = 0;
  for (const doc of documents) {
    const blob = blobPath(root, doc.sha256);
    if (!(await blobIsIntact(blob, doc.sha256, doc.size))) {
      let bytes: Uint8Array;
      try {
        bytes = await objects.get(doc.object_name);
      } catch (error) {
        problems.push(`${doc.object_name}: cannot read (${(error as Error).message})`);
        continue;
      }
      const actual = sha256Hex(bytes);
      if (actual !== doc.sha256) {
        problems.push(`${doc.object_name}: sha256 ${actual} does not match documents.sha256 ${doc.sha256}`);
        continue;
      }
      await writeFileAtomic(blob, bytes);
      // Read back what landed on disk: the copy is what a restore will use.
      if (!(await blobIsIntact(blob, doc.sha256, doc.size))) {
        problems.push(`${doc.object_name}: the copy in the backup does not verify`);
        continue;
      }
      copied++;
      copiedBytes += bytes.byteLength;
    }
    entries.push({
      document_id: doc.id,
      object_name: doc.object_name,
      sha256: doc.sha256,
      size: doc.size,
      content_type: doc.content_type,
    });
  }
  if (problems.length > 0) {
    throw new Error(
      `objects backup failed for ${problems.length} object(s):\n  ${problems.slice(0, 20).join("\n  ")}`,
    );
  }
  await writeJsonLinesGz(join(dir, objectsIndexFile), entries);
  return {
    files: [await describeFile(dir, objectsIndexFile)],
    size: entries.reduce((sum, e) => sum + e.size, 0),
    count: entries.length,
    verified: true,
    verified_at: new Date().toISOString(),
    engine: objects.kind,
    duration_ms: Date.now() - started,
    details: { copied, reused: entries.length - copied, copied_bytes: copiedBytes },
  };
}

export async function readObjectsIndex(dir: string): Promise<ObjectEntry[]> {
  const entries: ObjectEntry[] = [];
  for await (const line of readJsonLinesGz(join(dir, objectsIndexFile))) entries.push(line as ObjectEntry);
  return entries;
}

/** Problems with the blobs a backup's index names (missing, wrong size, wrong hash). */
export async function verifyBlobs(root: string, entries: readonly ObjectEntry[]): Promise<string[]> {
  const problems: string[] = [];
  for (const e of entries) {
    if (!(await blobIsIntact(blobPath(root, e.sha256), e.sha256, e.size))) {
      problems.push(`object ${e.object_name}: blob ${e.sha256} is missing or corrupt`);
    }
  }
  return problems;
}

export async function objectStoreHasData(objects: ObjectStore): Promise<boolean> {
  return (await objects.list()).length > 0;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Writes every object back under its original name, then reads each back and checks its hash. */
export async function restoreObjects(
  objects: ObjectStore,
  root: string,
  entries: readonly ObjectEntry[],
): Promise<{ count: number; size: number }> {
  let size = 0;
  for (const e of entries) {
    const bytes = new Uint8Array(await readFile(blobPath(root, e.sha256)));
    await objects.put(e.object_name, once(bytes), e.content_type);
    size += bytes.byteLength;
  }
  const problems: string[] = [];
  for (const e of entries) {
    const back = sha256Hex(await objects.get(e.object_name));
    if (back !== e.sha256)
      problems.push(`${e.object_name}: restored object has sha256 ${back}, expected ${e.sha256}`);
  }
  if (problems.length > 0)
    throw new Error(`objects restore did not verify:\n  ${problems.slice(0, 20).join("\n  ")}`);
  return { count: entries.length, size };
}
