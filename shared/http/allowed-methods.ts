import type { Hono } from "hono";

function patternOf(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) =>
      part.startsWith(":") ? "[^/]+" : part === "*" ? ".*" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods some route of `app` answers on `path` (middleware aside): what a 405's Allow
 * header lists when the path exists but the method does not. Empty: the path is unknown (404).
 */
export function allowedMethods(app: Pick<Hono, "routes">, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL" || !patternOf(route.path).test(path)) continue;
    methods.add(route.method);
    // Hono answers HEAD from the GET handler.
    if (route.method === "GET") methods.add("HEAD");
  }
  return [...methods].sort();
}
