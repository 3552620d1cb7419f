import { OpenAPIHono } from "@hono/zod-openapi";
import { registerRoutes as analyticsRoutes } from "../functions/analytics/app.js";
import { registerRoutes as backupStatusRoutes } from "../functions/backup-status/app.js";
import { registerRoutes as healthRoutes } from "../functions/health/app.js";
import { registerRoutes as indexRoutes } from "../functions/index/app.js";
import { registerRoutes as queryRoutes } from "../functions/query/app.js";
import { registerRoutes as uploadRoutes } from "../functions/upload/app.js";
import type { AppEnv } from "../shared/http/create-app.js";
import { documentConfig, functionDescriptions, mergedServers } from "../shared/http/openapi-info.js";
import { type FunctionName, functionNames } from "../shared/http/route-table.js";

const registrars: Record<FunctionName, (app: OpenAPIHono<AppEnv>) => void> = {
  upload: uploadRoutes,
  index: indexRoutes,
  query: queryRoutes,
  "backup-status": backupStatusRoutes,
  health: healthRoutes,
  analytics: analyticsRoutes,
};

type Document = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

/** One function's document, built from its routes alone (no dependencies are needed). */
export function functionDocument(name: FunctionName): Document {
  const app = new OpenAPIHono<AppEnv>();
  registrars[name](app);
  return app.getOpenAPI31Document(documentConfig(`Docstack ${name}`, functionDescriptions[name]));
}

/**
 * The public contract: every function's paths and schemas in one document, one tag per
 * function, served behind Nginx. Schemas with one name must be identical in every function.
 */
export function buildMergedDocument(): Document {
  const merged = documentConfig(
    "Docstack",
    "Self-hosted document ingestion and retrieval. Five functions behind one entry point; every error is " +
      "RFC 9457 application/problem+json with a requestId.",
    mergedServers,
  ) as Document;
  merged.tags = functionNames.map((name) => ({ name, description: functionDescriptions[name] }));
  merged.paths = {};
  const schemas: Record<string, unknown> = {};
  for (const name of functionNames) {
    const doc = functionDocument(name);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (merged.paths[path] !== undefined) throw new Error(`${path} is served by two functions`);
      merged.paths[path] = item;
    }
    for (const [schema, body] of Object.entries(doc.components?.schemas ?? {})) {
      if (schemas[schema] !== undefined && JSON.stringify(schemas[schema]) !== JSON.stringify(body)) {
        throw new Error(`schema ${schema} differs between functions`);
      }
      schemas[schema] = body;
    }
  }
  merged.components = {
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) as never,
    securitySchemes: {
      // An API key (npm run keys), sent either way; each operation names the scope it needs.
      ApiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
      Bearer: { type: "http", scheme: "bearer" },
    },
  };
  // Every operation states its own requirement (shared/http/route-policy.ts); this default
  // only covers what does not, and nothing should.
  merged.security = [{ Bearer: [] }, { ApiKey: [] }];
  return merged;
}
