import { once } from "node:events";
import { Readable } from "node:stream";
import { Client, type ClientOptions } from "minio";
import { contentDisposition } from "./content-disposition.js";
import { assertSafeObjectName, type ObjectStore } from "./object-store.js";

export interface MinioObjectStoreOptions {
  endpoint: string;
  publicEndpoint?: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

/** Where and as whom a MinIO (or any S3) client connects, from an endpoint URL. */
export function minioConnection(
  endpoint: string,
  credentials: { accessKey: string; secretKey: string; region: string },
): ClientOptions {
  const url = new URL(endpoint);
  const useSSL = url.protocol === "https:";
  return {
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    region: credentials.region,
  };
}

function clientFor(endpoint: string, o: MinioObjectStoreOptions): Client {
  return new Client({
    ...minioConnection(endpoint, o),
    // The upload's size is unknown while it streams; minio-js would then pick a part size for a
    // 5 TiB object (~560 MB) and buffer the whole file. 8 MiB parts bound memory per upload.
    partSize: 8 * 1024 * 1024,
  });
}

async function collect(stream: Readable): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part));
  return new Uint8Array(Buffer.concat(parts));
}

/** Production object store: MinIO or any S3-compatible server. */
export class MinioObjectStore implements ObjectStore {
  readonly kind = "minio";
  private readonly client: Client;
  // Presigned URLs are signed for the host clients will use; signing is local, no request is made.
  private readonly presigner: Client;
  private bucketReady: Promise<void> | undefined;

  constructor(private readonly options: MinioObjectStoreOptions) {
    this.client = clientFor(options.endpoint, options);
    this.presigner = clientFor(options.publicEndpoint ?? options.endpoint, options);
  }

  /** Creates the bucket once per process if it is missing. */
  private ensureBucket(): Promise<void> {
    this.bucketReady ??= (async () => {
      if (!(await this.client.bucketExists(this.options.bucket))) {
        try {
          await this.client.makeBucket(this.options.bucket, this.options.region);
        } catch (error) {
          // Another replica may have made it between the check and the call.
          if (!(await this.client.bucketExists(this.options.bucket))) throw error;
        }
      }
    })().catch((error) => {
      this.bucketReady = undefined;
      throw error;
    });
    return this.bucketReady;
  }

  async put(name: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<number> {
    assertSafeObjectName(name);
    await this.ensureBucket();
    let size = 0;
    const counted = Readable.from(
      (async function* () {
        for await (const chunk of body) {
          size += chunk.byteLength;
          yield chunk;
        }
      })(),
    );
    // minio-js only pipe()s the body, and pipe() does not forward errors: an aborted or oversize
    // upload would be an unhandled 'error' event (the process exits). Race the upload against it.
    const failed = once(counted, "error").then(([error]) => {
      throw error;
    });
    const putting = this.client.putObject(this.options.bucket, name, counted, undefined, {
      "Content-Type": contentType,
    });
    try {
      await Promise.race([putting, failed]);
    } catch (error) {
      counted.destroy();
      await this.client.removeIncompleteUpload(this.options.bucket, name).catch(() => {});
      // The caller deletes the object when put fails, but minio-js may still be finishing a
      // request it had already started: remove the object again once it has settled, so a
      // refused upload never leaves one behind.
      putting.then(
        () => this.client.removeObject(this.options.bucket, name).catch(() => {}),
        () => {},
      );
      throw error;
    } finally {
      failed.catch(() => {});
    }
    return size;
  }

  async get(name: string): Promise<Uint8Array> {
    assertSafeObjectName(name);
    return collect(await this.client.getObject(this.options.bucket, name));
  }

  async delete(name: string): Promise<void> {
    assertSafeObjectName(name);
    await this.ensureBucket();
    await this.client.removeObject(this.options.bucket, name);
  }

  async exists(name: string): Promise<boolean> {
    assertSafeObjectName(name);
    try {
      await this.client.statObject(this.options.bucket, name);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "NotFound" || code === "NoSuchKey") return false;
      throw error;
    }
  }

  async list(prefix = ""): Promise<string[]> {
    await this.ensureBucket();
    const names: string[] = [];
    for await (const item of this.client.listObjectsV2(this.options.bucket, prefix, true)) {
      if (typeof item.name === "string") names.push(item.name);
    }
    return names.sort();
  }

  async presignGet(
    name: string,
    options: { ttlSeconds: number; filename: string; contentType: string },
  ): Promise<string> {
    assertSafeObjectName(name);
    return this.presigner.presignedGetObject(this.options.bucket, name, options.ttlSeconds, {
      "response-content-disposition": contentDisposition(options.filename),
      "response-content-type": options.contentType,
    });
  }

  async ping(): Promise<void> {
    await this.ensureBucket();
  }
}
