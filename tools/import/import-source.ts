import { createHash } from "node:crypto";
import { createReadStream, openAsBlob } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { Client } from "minio";
import { minioConnection } from "../../shared/storage/minio-object-store.js";

/** One file to import, found by walking the source. */
export interface SourceFile {
  /** Path under the source (folder-relative, or the S3 key), with `/` separators. */
  key: string;
  size: number;
  /** What says the file changed since a run recorded it: mtime for a folder, ETag for S3. */
  version: string;
  /** Its SHA-256 (hex) and a Blob of its bytes to upload. */
  open(): Promise<{ sha256: string; blob: Blob }>;
}

export interface S3Access {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const part of createReadStream(path)) hash.update(part as Buffer);
  return hash.digest("hex");
}

/**
 * Every regular file under `dir`, sorted by path so runs go in the same order. Symbolic links
 * are not followed (a link out of the folder would import what was not asked for), and `skip`
 * (the state file, when it lies inside) is left out.
 */
export async function walkFolder(dir: string, skip: readonly string[] = []): Promise<SourceFile[]> {
  const root = resolve(dir);
  const left = new Set(skip.map((p) => resolve(p)));
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (left.has(path)) continue;
    const info = await stat(path);
    files.push({
      key: relative(root, path).split(sep).join("/"),
      size: info.size,
      version: String(info.mtimeMs),
      open: async () => ({ sha256: await sha256OfFile(path), blob: await openAsBlob(path) }),
    });
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function s3Client(access: S3Access): Client {
  return new Client(minioConnection(access.endpoint, access));
}

/** Every object under s3://bucket/prefix; each is read whole when its turn comes. */
export async function walkS3(source: string, access: S3Access): Promise<SourceFile[]> {
  const [, bucket = "", prefix = ""] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(source) ?? [];
  const client = s3Client(access);
  const files: SourceFile[] = [];
  for await (const item of client.listObjectsV2(bucket, prefix, true)) {
    const object = item as { name?: string; size?: number; etag?: string };
    if (object.name === undefined || object.name.endsWith("/")) continue;
    const name = object.name;
    files.push({
      key: name,
      size: object.size ?? 0,
      version: object.etag ?? "",
      open: async () => {
        const parts: Buffer[] = [];
        for await (const part of await client.getObject(bucket, name)) parts.push(part as Buffer);
        const bytes = Buffer.concat(parts);
        return {
          sha256: createHash("sha256").update(bytes).digest("hex"),
          blob: new Blob([new Uint8Array(bytes)]),
        };
      },
    });
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The name a file is uploaded under: its own, without the folders above it. */
export function uploadName(file: SourceFile): string {
  return basename(file.key);
}
