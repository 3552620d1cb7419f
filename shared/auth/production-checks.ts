import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { StartupRefusedError } from "../errors/startup-refused.js";
import { hasActiveKeys } from "./api-keys.js";

/** Secrets that are still the placeholders of .env.example (or any "change-me" value). */
export function defaultSecrets(config: Config): string[] {
  const secrets: [string, string | undefined][] = [
    ["SIGNING_SECRET", config.SIGNING_SECRET],
    ["CHROMA_TOKEN", config.CHROMA_TOKEN],
    ["S3_SECRET_KEY", config.S3_SECRET_KEY],
    ["EMBEDDINGS_API_KEY", config.EMBEDDINGS_API_KEY],
    ["RERANK_API_KEY", config.RERANK_API_KEY],
  ];
  return secrets
    .filter(([, value]) => value !== undefined && /change-?me/i.test(value))
    .map(([name]) => name);
}

/**
 * Production refuses to serve while it would be open or guessable: without a single active API
 * key (every request would be refused anyway, and the operator should know at once), or with a
 * secret still set to its example value.
 */
export async function assertProductionReady(config: Config, db: Database): Promise<void> {
  if (config.NODE_ENV !== "production") return;
  const defaults = defaultSecrets(config);
  if (defaults.length > 0) {
    throw new StartupRefusedError(
      `refusing to start in production: ${defaults.join(", ")} still set to an example value`,
    );
  }
  if (!(await hasActiveKeys(db))) {
    throw new StartupRefusedError(
      "refusing to start in production: no API keys. Create one: npm run keys -- create --name admin --scopes admin",
    );
  }
}
