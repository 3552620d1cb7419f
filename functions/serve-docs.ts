import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".yaml": "application/yaml; charset=utf-8",
};

/**
 * The merged contract and its reference page for the all-in-one server (`npm start`); behind
 * Nginx the same files are served statically (infra/nginx). Assets come from swagger-ui-dist.
 */
export async function serveDocs(path: string): Promise<Response | undefined> {
  let file: string | undefined;
  if (path === "/openapi.yaml") file = join(root, "openapi.yaml");
  else if (path === "/docs" || path === "/docs/") file = join(root, "infra/docs/index.html");
  else if (path === "/docs/docstack-init.js") file = join(root, "infra/docs/docstack-init.js");
  else if (path.startsWith("/docs/")) {
    const name = normalize(path.slice("/docs/".length));
    if (name.startsWith("..") || name.includes("/")) return undefined;
    file = join(swaggerDir, name);
  }
  if (file === undefined) return undefined;
  try {
    const body = await readFile(file);
    const type = types[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream";
    return new Response(body, { headers: { "content-type": type, "cache-control": "no-cache" } });
  } catch {
    return undefined;
  }
}
