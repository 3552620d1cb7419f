import { audit } from "../audit/audit-log.js";
import type { Principal } from "../auth/principal.js";
import type { Deps } from "../deps/deps.js";
import { dependencyUnavailable } from "../errors/api-error.js";
import { getDocument } from "./find-documents.js";

/**
 * GET /documents/{id}/download-url: a presigned (MinIO) or signed local link, handed out only
 * once its audit row is written: if the audit log cannot be written, no link leaves.
 */
export async function issueDownloadUrl(
  deps: Pick<Deps, "db" | "objects" | "config">,
  actor: Principal,
  id: string,
): Promise<{ url: string; expiresAt: Date }> {
  const doc = await getDocument(deps.db, actor, id);
  const ttlSeconds = deps.config.DOWNLOAD_URL_TTL_S;
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  let url: string;
  try {
    url = await deps.objects.presignGet(doc.object_name, {
      ttlSeconds,
      filename: doc.filename,
      contentType: doc.content_type,
    });
  } catch (error) {
    throw dependencyUnavailable("The object store", error);
  }
  await audit(deps.db, {
    actor: actor.name,
    action: "document.download_url",
    target: doc.id,
    details: { ttl_s: ttlSeconds },
  });
  return { url, expiresAt };
}
