/**
 * Which function serves a public path. Nginx (infra/nginx) routes the same way; the embedded
 * all-in-one server uses this table, so both expose one identical public API.
 */
export type FunctionName = "upload" | "index" | "query" | "backup-status" | "health" | "analytics";
export const functionNames: readonly FunctionName[] = [
  "upload",
  "index",
  "query",
  "backup-status",
  "health",
  "analytics",
];

const rules: [RegExp, FunctionName][] = [
  [/^\/documents\/[^/]+\/reindex\/?$/, "index"],
  [/^\/(auth|collections|documents|files|upload)(\/|$)/, "upload"],
  [/^\/index(\/|$)/, "index"],
  // POST /retrieval: Dify's External Knowledge API, which fixes the path.
  [/^\/(query|retrieval|mcp)(\/|$)/, "query"],
  // Operations: backups and the audit log.
  [/^\/(backups|audit)(\/|$)/, "backup-status"],
  [/^\/health(\/|$)/, "health"],
  [/^\/analytics(\/|$)/, "analytics"],
];

export function isFunctionName(name: string): name is FunctionName {
  return (functionNames as readonly string[]).includes(name);
}

export function functionFor(path: string): FunctionName | undefined {
  return rules.find(([pattern]) => pattern.test(path))?.[1];
}

/** Default ports when a function runs alone (`npm run start:<function>`). */
export const defaultPorts: Record<FunctionName, number> = {
  upload: 8081,
  index: 8082,
  query: 8083,
  "backup-status": 8084,
  health: 8085,
  analytics: 8086,
};
