import type { FunctionName } from "./route-table.js";

/** Shared parts of every OpenAPI document Docstack publishes (each function's and the merged one). */
export const apiVersion = "0.1.0";

export const functionDescriptions: Record<FunctionName, string> = {
  upload:
    "Collections; documents into the object store and their metadata; signed downloads; delete everywhere.",
  index: "Text extraction, chunking, embeddings and vectors; index status and retries.",
  query: "Hybrid retrieval: Postgres full-text and vectors, fused.",
  "backup-status": "Freshness of the backups of each store.",
  health: "Liveness and readiness, and the API documents.",
  analytics: "Retrieval analytics: what was asked, what was found, how fast; small groups withheld.",
};

/** Where each function serves its own document (routed to it by Nginx and the all-in-one server). */
export const functionDocPaths: Record<FunctionName, string> = {
  upload: "/upload/openapi.json",
  index: "/index/openapi.json",
  query: "/query/openapi.json",
  "backup-status": "/backups/openapi.json",
  health: "/health/openapi.json",
  analytics: "/analytics/openapi.json",
};

/**
 * No licence is granted (no LICENSE file; the packages are private or UNLICENSED), so the
 * document says so with an SPDX expression for a licence of one's own (docs/decisions.md).
 */
export const license = { name: "Proprietary: all rights reserved", identifier: "LicenseRef-Proprietary" };

/** Relative: the entry point that serves a document (Nginx, npm start, one function) is the one to call. */
const servingEntryPoint = { url: "/", description: "The Docstack entry point serving this document" };

/**
 * The merged contract also names `npm start`'s default address, for clients generated from the
 * file rather than fetched from a server (a relative URL gives them no host). Second, so the
 * /docs page, which picks the first, calls whatever served it.
 */
export const mergedServers = [
  servingEntryPoint,
  { url: "http://localhost:8080", description: "`npm start` on this machine (its default PORT)" },
];

export function documentConfig(title: string, description: string, servers = [servingEntryPoint]) {
  return {
    openapi: "3.1.0",
    info: { title, version: apiVersion, description, license },
    servers,
  };
}
