import { parseArgs } from "node:util";
import { listApiKeys } from "../shared/auth/api-keys.js";
import { issueApiKey, withdrawApiKey } from "../shared/auth/manage-keys.js";
import { type Scope, scopes } from "../shared/auth/principal.js";
import { loadConfigFromProcess } from "../shared/config.js";
import { migrate } from "../shared/db/migrate.js";
import { openDatabase } from "../shared/db/open-database.js";
import { exitIfRefused } from "../shared/errors/startup-refused.js";

/**
 * `npm run keys -- create --name N --scopes read,write [--collections id,id] [--rate-query N]
 * [--rate-upload N] [--rate-default N]`, `npm run keys -- list`, `npm run keys -- revoke --name N`.
 * The key is printed once, at creation; only its SHA-256 is stored.
 */
const usage =
  "usage: npm run keys -- create --name <name> --scopes read,write,admin [--collections <id,...>] [--rate-query N] [--rate-upload N] [--rate-default N]\n       npm run keys -- list\n       npm run keys -- revoke --name <name>";
const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    name: { type: "string" },
    scopes: { type: "string" },
    collections: { type: "string" },
    "rate-query": { type: "string" },
    "rate-upload": { type: "string" },
    "rate-default": { type: "string" },
  },
});
const command = positionals[0];
const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

const config = loadConfigFromProcess({ LOG_LEVEL: "warn", INDEX_WORKER: "false" });
// Only the database: the command must work where the other stores are out of reach (Compose's
// one-shot migrate container, an operator's laptop on a tunnel).
const db = await exitIfRefused(openDatabase(config));
if (config.DB_DRIVER === "pglite") await migrate(db);
const deps = { db, close: () => db.close() };
try {
  if (command === "create") {
    const requested = list(values.scopes) ?? [];
    const bad = requested.filter((s) => !scopes.includes(s as Scope));
    if (values.name === undefined || requested.length === 0 || bad.length > 0) {
      throw new Error(
        bad.length > 0 ? `unknown scope(s): ${bad.join(", ")} (use ${scopes.join(", ")})` : usage,
      );
    }
    const rateLimits = Object.fromEntries(
      (["query", "upload", "default"] as const).flatMap((k) => {
        const n = positive(`rate-${k}`, values[`rate-${k}`]);
        return n === undefined ? [] : [[k, n]];
      }),
    );
    const { key, record } = await issueApiKey(deps.db, "cli", {
      name: values.name,
      scopes: requested as Scope[],
      collections: list(values.collections) ?? null,
      rateLimits,
    });
    console.log(
      `created key "${record.name}" (${record.scopes.join(", ")}${record.collections ? `; collections ${record.collections.join(", ")}` : ""})`,
    );
    console.log("the key (shown this once, store it now):");
    console.log(key);
  } else if (command === "list") {
    for (const k of await listApiKeys(deps.db)) {
      console.log(
        [
          k.name.padEnd(20),
          `${k.key_prefix}…`,
          k.scopes.join(",").padEnd(16),
          k.collections ? `collections=${k.collections.join(",")}` : "all collections",
          Object.keys(k.rate_limits ?? {}).length ? `limits=${JSON.stringify(k.rate_limits)}` : "",
          k.revoked_at ? `REVOKED ${k.revoked_at.toISOString()}` : "active",
        ]
          .filter(Boolean)
          .join("  "),
      );
    }
  } else if (command === "revoke") {
    if (values.name === undefined) throw new Error(usage);
    if (!(await withdrawApiKey(deps.db, "cli", values.name)))
      throw new Error(`no active key named "${values.name}"`);
    console.log(`revoked "${values.name}": refused from the next request on`);
  } else {
    throw new Error(usage);
  }
} catch (error) {
  console.error(`keys: ${(error as Error).message}`);
  process.exitCode = (error as Error).message === usage ? 2 : 1;
} finally {
  await deps.close();
}
