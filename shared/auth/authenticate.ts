import type { Context, MiddlewareHandler } from "hono";
import { ApiError, dependencyUnavailable } from "../errors/api-error.js";
import type { AppEnv } from "../http/create-app.js";
import { anonymousAllowed, principalForKey } from "./api-keys.js";
import {
  anonymousPrincipal,
  assertAllCollections,
  assertScope,
  type Principal,
  type Scope,
} from "./principal.js";

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
 * On a public route, whether the caller would have been let in on a private one: a valid key (or
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
 * Who is calling, and may they: an active API key with `scope` (401 without a valid key, 403
 * without the scope; "any" takes every active key). With reach "all", a key limited to some collections is refused too;
 * otherwise the use case confines it to its collections. A development install with no keys
 * at all stays open (anonymous); production never is. Routes declare it (shared/http/route-policy.ts).
 */
export function authenticate(scope: Scope | "any", reach: "collections" | "all"): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
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
    if (scope !== "any") assertScope(principal, scope);
    if (reach === "all") assertAllCollections(principal, `${c.req.method} ${c.req.routePath}`);
    c.set("principal", principal);
    await next();
  };
}
