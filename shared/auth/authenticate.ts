import type { Context, MiddlewareHandler } from "hono";
import { ApiError, dependencyUnavailable } from "../errors/api-error.js";
import type { AppEnv } from "../http/create-app.js";
import { anonymousAllowed, principalForKey } from "./api-keys.js";
import { anonymousPrincipal, assertScope, type Principal, requiredScope } from "./principal.js";

/**
 * Paths anyone may call: the public probes, the process's own liveness and metrics (internal,
 * not routed by Nginx), the API reference, and /files/ links (signed: the signature is their key).
 */
const publicPath =
  /^\/(health(\/|$)|healthz$|metrics$|files\/|docs(\/|$)|openapi\.yaml$|[a-z-]+\/openapi\.json$)/;

/** `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
function presentedKey(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  return bearer ?? (apiKey?.trim() || undefined);
}

function unauthorized(detail: string): ApiError {
  return new ApiError("unauthorized", detail);
}

/** The key's principal; anonymous on a development install with no keys; undefined otherwise. */
async function callerOf(c: Context<AppEnv>, key: string | undefined): Promise<Principal | undefined> {
  const { db, config } = c.var.deps;
  if (key !== undefined) return principalForKey(db, key);
  if (await anonymousAllowed(db, config)) return anonymousPrincipal;
  return undefined;
}

/**
 * On a public path, whether the caller would have been let in on a private one: a valid key (or
 * an install that needs none). False when the database cannot say, since public paths must
 * answer without it.
 */
export async function callerIsKnown(c: Context<AppEnv>): Promise<boolean> {
  const key = presentedKey(c.req.header("authorization"), c.req.header("x-api-key"));
  try {
    return (await callerOf(c, key)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Who is calling, and may they: every non-public request needs an active API key with the
 * scope its method and path need (401 without a valid key, 403 without the scope). Collection
 * limits are checked by the routes, which know the collection. A development install with no
 * keys at all stays open (anonymous); production never is.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (publicPath.test(c.req.path)) return next();
    const key = presentedKey(c.req.header("authorization"), c.req.header("x-api-key"));
    let principal: Principal | undefined;
    try {
      principal = await callerOf(c, key);
    } catch (error) {
      throw dependencyUnavailable("The database", error);
    }
    if (principal === undefined) {
      c.header("www-authenticate", 'Bearer realm="docstack"');
      throw unauthorized(
        key === undefined
          ? "An API key is required: Authorization: Bearer <key>, or X-API-Key: <key>"
          : "The API key is unknown or revoked",
      );
    }
    assertScope(principal, requiredScope(c.req.method, c.req.path));
    c.set("principal", principal);
    await next();
  };
}
