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
};

/** Where each function serves its own document (routed to it by Nginx and the all-in-one server). */
export const functionDocPaths: Record<FunctionName, string> = {
  upload: "/upload/openapi.json",
  index: "/index/openapi.json",
  query: "/query/openapi.json",
  "backup-status": "/backups/openapi.json",
  health: "/health/openapi.json",
};

export function documentConfig(title: string, description: string) {
  return {
    openapi: "3.1.0",
    info: {
      title,
      version: apiVersion,
      description,
      license: { name: "Proprietary" },
    },
    // Relative: the entry point that serves this document (Nginx, or npm start) is the one to call.
    servers: [{ url: "/", description: "The Docstack entry point serving this document" }],
  };
}
