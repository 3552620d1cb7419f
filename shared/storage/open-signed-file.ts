import type { Readable } from "node:stream";
import { ApiError } from "../errors/api-error.js";
import { FsObjectStore } from "./fs-object-store.js";
import type { ObjectStore } from "./object-store.js";

export interface SignedLink {
  /** The object name, percent-encoded as it came in the path. */
  encodedName: string;
  expires: number;
  filename: string;
  type: string;
  signature: string;
}

/**
 * GET /files/{name}: the target of a signed local download link (filesystem store only). The
 * signature is the credential: any link that is malformed, tampered with or expired is refused
 * alike (403), so a caller learns nothing about which part was wrong.
 */
export async function openSignedFile(
  objects: ObjectStore,
  link: SignedLink | undefined,
): Promise<{ stream: Readable; filename: string; contentType: string }> {
  if (!(objects instanceof FsObjectStore))
    throw new ApiError("not_found", "Signed local links are not used with this object store");
  const refused = new ApiError("forbidden", "The link is invalid, incomplete or has expired");
  if (link === undefined) throw refused;
  let valid = false;
  let name = "";
  try {
    name = decodeURIComponent(link.encodedName);
    valid = objects.verify({
      name,
      expires: link.expires,
      filename: link.filename,
      contentType: link.type,
      signature: link.signature,
    });
  } catch {
    valid = false;
  }
  if (!valid) throw refused;
  if (!(await objects.exists(name))) throw new ApiError("not_found", "The file no longer exists");
  return { stream: objects.stream(name), filename: link.filename, contentType: link.type };
}
