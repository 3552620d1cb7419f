import { describe, expect, it } from "vitest";
import { functionFor } from "./route-table.js";

describe("functionFor", () => {
  it.each([
    ["/collections", "upload"],
    ["/collections/abc", "upload"],
    ["/documents", "upload"],
    ["/documents/abc/download-url", "upload"],
    ["/documents/abc/reindex", "index"],
    ["/files/documents/x", "upload"],
    ["/upload/openapi.json", "upload"],
    ["/index/run", "index"],
    ["/index/status", "index"],
    ["/query", "query"],
    ["/retrieval", "query"],
    ["/mcp", "query"],
    ["/backups/status", "backup-status"],
    ["/audit", "backup-status"],
    ["/health", "health"],
    ["/health/ready", "health"],
  ])("%s -> %s", (path, fn) => {
    expect(functionFor(path)).toBe(fn);
  });

  it.each([
    "/",
    "/admin",
    "/documentsx",
    "/queryx",
    "/retrievals",
    "/mcpx",
    "/healthz",
    "/auditx",
  ])("%s is served by nobody", (path) => {
    expect(functionFor(path)).toBeUndefined();
  });
});
