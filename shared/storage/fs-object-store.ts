import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream, type Dirent } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeObjectName, type ObjectStore } from "./object-store.js";
import { privateDirMode, privateFileMode } from "./private-files.js";

export interface FsObjectStoreOptions {
  root: string;
  /** Base URL the signed download links start with (the upload function serves /files/...). */
  publicUrl: string;
  signingSecret?: string;
}

export interface SignedFileRequest {
  name: string;
  expires: number;
  filename: string;
  contentType: string;
  signature: string;
}

/** Embedded object store: one file per object under `root`, written atomically, owner-only. */
export class FsObjectStore implements ObjectStore {
  readonly kind = "fs";
  private readonly secret: Buffer;

  constructor(private readonly options: FsObjectStoreOptions) {
    this.secret = options.signingSecret ? Buffer.from(options.signingSecret) : randomBytes(32);
  }

  private path(name: string): string {
    assertSafeObjectName(name);
    return join(this.options.root, name);
  }

  async put(name: string, body: AsyncIterable<Uint8Array>, _contentType?: string): Promise<number> {
    const target = this.path(name);
    await mkdir(dirname(target), { recursive: true, mode: privateDirMode });
    // Write beside the target and rename, so a reader never sees half an object.
    const temp = `${target}.${randomBytes(6).toString("hex")}.partial`;
    try {
      await pipeline(Readable.from(body), createWriteStream(temp, { flags: "wx", mode: privateFileMode }));
      const { size } = await stat(temp);
      await rename(temp, target);
      return size;
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(name: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.path(name)));
  }

  stream(name: string): Readable {
    return createReadStream(this.path(name));
  }

  async delete(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }

  async exists(name: string): Promise<boolean> {
    try {
      return (await stat(this.path(name))).isFile();
    } catch {
      return false;
    }
  }

  async list(prefix = ""): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (!e.name.endsWith(".partial"))
          out.push(relative(this.options.root, full).split("\\").join("/"));
      }
    };
    await walk(this.options.root);
    return out.filter((n) => n.startsWith(prefix)).sort();
  }

  private sign(name: string, expires: number, filename: string, contentType: string): string {
    return createHmac("sha256", this.secret)
      .update(JSON.stringify([name, expires, filename, contentType]))
      .digest("base64url");
  }

  async presignGet(
    name: string,
    options: { ttlSeconds: number; filename: string; contentType: string },
  ): Promise<string> {
    assertSafeObjectName(name);
    const expires = Math.floor(Date.now() / 1000) + options.ttlSeconds;
    const url = new URL(`/files/${name}`, this.options.publicUrl);
    url.searchParams.set("expires", String(expires));
    url.searchParams.set("filename", options.filename);
    url.searchParams.set("type", options.contentType);
    url.searchParams.set("signature", this.sign(name, expires, options.filename, options.contentType));
    return url.toString();
  }

  /** True when the link was made by this store and has not expired. */
  verify(request: SignedFileRequest, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
    if (!Number.isFinite(request.expires) || request.expires < nowSeconds) return false;
    const expected = Buffer.from(
      this.sign(request.name, request.expires, request.filename, request.contentType),
    );
    const given = Buffer.from(request.signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  async ping(): Promise<void> {
    await mkdir(this.options.root, { recursive: true });
    await stat(this.options.root);
  }
}
