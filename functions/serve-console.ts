import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where `npm run build:console` writes the console (console/vite.config.ts). The same path from
 * functions/ under tsx and from the dist/start.js bundle: both sit one level below the root.
 */
export const builtConsoleDir = fileURLToPath(new URL("../dist/console", import.meta.url));

/**
 * The console runs only its own bundled scripts and styles and talks only to this origin; the
 * same policy is sent by Nginx (infra/nginx/console-locations.conf.template).
 */
export const consoleCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

const securityHeaders = {
  "content-security-policy": consoleCsp,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

/**
 * The built console at /console/ for the all-in-one server (`npm start`); behind Nginx the same
 * files are served statically. Undefined when the path is not the console's, or the console is
 * not built, so the caller answers 404 as for any unknown path.
 */
export async function serveConsole(path: string, dir = builtConsoleDir): Promise<Response | undefined> {
  if (path === "/console") {
    return new Response(null, { status: 301, headers: { location: "/console/", ...securityHeaders } });
  }
  if (!path.startsWith("/console/")) return undefined;
  const name = path === "/console/" ? "index.html" : normalize(path.slice("/console/".length));
  if (name.startsWith("..") || name.startsWith("/") || name.includes("\0")) return undefined;
  const type = types[name.slice(name.lastIndexOf("."))];
  if (type === undefined) return undefined;
  try {
    const body = await readFile(join(dir, name));
    // Vite names assets by content hash: they never change under one name; the page itself may.
    const caching = name.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    return new Response(body, {
      headers: { "content-type": type, "cache-control": caching, ...securityHeaders },
    });
  } catch {
    return undefined;
  }
}
