/**
 * Where document bytes live. Production: MinIO (S3 API). Embedded: a directory.
 * Object names are made by Docstack (`<collection>/<document>`), never taken from users.
 */
export interface ObjectStore {
  readonly kind: "fs" | "minio";
  /** Stores the stream under `name`; resolves with the byte count once durable. */
  put(name: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<number>;
  get(name: string): Promise<Uint8Array>;
  /** Idempotent: deleting a missing object succeeds. */
  delete(name: string): Promise<void>;
  exists(name: string): Promise<boolean>;
  list(prefix?: string): Promise<string[]>;
  /** A URL that downloads the object without further credentials until it expires. */
  presignGet(
    name: string,
    options: { ttlSeconds: number; filename: string; contentType: string },
  ): Promise<string>;
  ping(): Promise<void>;
}

const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Guards adapters against names that could escape their root (`..`, absolute paths). */
export function assertSafeObjectName(name: string): void {
  if (!safeName.test(name) || name.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`unsafe object name: ${JSON.stringify(name)}`);
  }
}
