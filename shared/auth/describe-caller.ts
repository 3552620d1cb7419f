import type { Principal } from "./principal.js";

/** GET /auth/whoami: what a caller may know about its own key (never its hash or its secret). */
export function describeCaller(principal: Principal) {
  return {
    name: principal.name,
    kind: principal.kind,
    key_prefix: principal.keyPrefix ?? null,
    scopes: [...principal.scopes],
    collections: principal.collections === null ? null : [...principal.collections],
    rate_limits: { ...principal.rateLimits },
  };
}
