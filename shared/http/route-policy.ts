import { createRoute, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Handler, MiddlewareHandler } from "hono";
import { authenticate } from "../auth/authenticate.js";
import type { Scope } from "../auth/principal.js";
import type { ErrorCode } from "../errors/api-error.js";
import type { RouteClass } from "../ratelimit/rate-limiter.js";
import type { AppEnv } from "./create-app.js";
import { problemResponses } from "./problem-schema.js";
import { rateLimit } from "./rate-limit.js";

/**
 * Who may call a route. `reach` says what a key limited to some collections may do with it:
 * "collections" routes take such keys and the use case confines them to their collections;
 * "all" routes act on everything (backups, the audit log, new collections) and refuse them.
 */
export type AccessPolicy =
  | { kind: "public"; reason: string }
  | { kind: "key"; scope: Scope | "any"; reach: "collections" | "all" };

export type LimitPolicy = { kind: "limited"; routeClass: RouteClass } | { kind: "unlimited"; reason: string };

const policyTag = Symbol("docstack.route-policy");

type PolicyMiddleware<P> = MiddlewareHandler<AppEnv> & { [policyTag]: P };

function tagged<P extends AccessPolicy | LimitPolicy>(
  policy: P,
  handler: MiddlewareHandler<AppEnv>,
): PolicyMiddleware<P> {
  return Object.assign(handler, { [policyTag]: policy });
}

/** A fresh function each time: the policy is tagged onto the function object itself. */
const passThrough = (): MiddlewareHandler<AppEnv> => (_c, next) => next();

/** Needs an active API key with `scope` (admin has every scope): 401 without one, 403 without the scope. */
export function requireKey(scope: Scope, reach: "collections" | "all" = "collections") {
  return tagged<AccessPolicy>({ kind: "key", scope, reach }, authenticate(scope, reach));
}

/** Needs an active API key, whatever its scopes: for a caller asking about its own key. */
export function requireAnyKey() {
  return tagged<AccessPolicy>(
    { kind: "key", scope: "any", reach: "collections" },
    authenticate("any", "collections"),
  );
}

/** Anyone may call it; `reason` says why that is safe, and is published with the operation. */
export function publicAccess(reason: string) {
  return tagged<AccessPolicy>({ kind: "public", reason }, passThrough());
}

/** Counts against the caller's limit for `routeClass` (per key, or per address without one). */
export function rateLimited(routeClass: RouteClass) {
  return tagged<LimitPolicy>({ kind: "limited", routeClass }, rateLimit(routeClass));
}

/** Never rate limited, for `reason` (probes must always answer). */
export function notRateLimited(reason: string) {
  return tagged<LimitPolicy>({ kind: "unlimited", reason }, passThrough());
}

export interface RoutePolicy {
  access: AccessPolicy;
  limit: LimitPolicy;
}

/** The access and limit policies declared by a route's middleware; throws unless there is one of each. */
export function policyOf(middleware: unknown): RoutePolicy {
  const list = (Array.isArray(middleware) ? middleware : [middleware]) as Partial<
    Record<typeof policyTag, AccessPolicy | LimitPolicy>
  >[];
  const declared = list.flatMap((m) => (m?.[policyTag] === undefined ? [] : [m[policyTag]]));
  const access = declared.filter((p): p is AccessPolicy => p.kind === "public" || p.kind === "key");
  const limit = declared.filter((p): p is LimitPolicy => p.kind === "limited" || p.kind === "unlimited");
  if (access.length !== 1 || limit.length !== 1) {
    throw new Error(
      "a route declares exactly one access policy (requireKey or publicAccess) and one limit policy " +
        "(rateLimited or notRateLimited) in its middleware",
    );
  }
  return { access: access[0] as AccessPolicy, limit: limit[0] as LimitPolicy };
}

/**
 * The limit policy a matched handler declares, if it is a policy middleware: how admission
 * control (shared/admission) tells the routes it may refuse from the probes it never does.
 */
export function declaredLimit(handler: unknown): LimitPolicy | undefined {
  const policy = (handler as Partial<Record<typeof policyTag, AccessPolicy | LimitPolicy>> | null)?.[
    policyTag
  ];
  return policy?.kind === "limited" || policy?.kind === "unlimited" ? policy : undefined;
}

/** The error responses a policy can produce, to be listed on the operation. */
export function policyErrorCodes(policy: RoutePolicy): ErrorCode[] {
  const codes: ErrorCode[] = [];
  // The key is looked up in the database: when it cannot answer, the caller gets 503.
  if (policy.access.kind === "key") {
    codes.push("unauthorized", "service_unavailable");
    if (policy.access.scope !== "any") codes.push("forbidden");
  }
  // Rate-limited routes are also the ones admission control may refuse when the process is full.
  if (policy.limit.kind === "limited") codes.push("rate_limited", "overloaded");
  return codes;
}

function policySentence(policy: RoutePolicy): string {
  const { access, limit } = policy;
  const who =
    access.kind === "public"
      ? `Public: ${access.reason}.`
      : access.scope === "any"
        ? "Needs an active API key, with any scope."
        : `Needs an API key with the \`${access.scope}\` scope${
            access.reach === "all" ? ", not limited to some collections" : ""
          }.`;
  const rate =
    limit.kind === "limited"
      ? ` Rate limited (the \`${limit.routeClass}\` class).`
      : ` Not rate limited: ${limit.reason}.`;
  return who + rate;
}

/**
 * An optional JSON body may be empty even when Content-Type says JSON (generated clients send
 * exactly that): it then validates as `{}`, the schema's defaults, instead of failing to parse.
 */
const emptyBodyIsNoBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  // c.req.json() parses the cached text: an empty text is cached as "{}". Without a JSON
  // Content-Type the body is left alone (the validator then takes it as absent, or refuses it).
  if (/^application\/([\w.-]+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
    if ((await c.req.text()).trim() === "")
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve("{}");
  }
  await next();
};

/** Every route declared so far, with its policy: what the contract test checks openapi.yaml against. */
export const declaredRoutes: { method: string; path: string; policy: RoutePolicy }[] = [];

type PolicyRouteConfig = Omit<RouteConfig, "middleware"> & {
  middleware: MiddlewareHandler<AppEnv>[];
};

/**
 * createRoute, with the route's policy declared as named middleware (requireKey/publicAccess,
 * rateLimited/notRateLimited). The operation's security requirement, its 401/403/429/503
 * responses and a sentence of its description follow from that declaration, so the contract
 * cannot drift from what the middleware enforces.
 */
export function policyRoute<P extends string, R extends PolicyRouteConfig & { path: P }>(config: R) {
  const policy = policyOf(config.middleware);
  declaredRoutes.push({ method: config.method, path: config.path, policy });
  const security =
    policy.access.kind === "public"
      ? []
      : policy.access.scope === "any"
        ? [{ Bearer: [] }, { ApiKey: [] }]
        : [{ Bearer: [policy.access.scope] }, { ApiKey: [policy.access.scope] }];
  const description = [config.description, policySentence(policy)].filter(Boolean).join("\n\n");
  const middleware =
    config.request?.body?.required === false ? [...config.middleware, emptyBodyIsNoBody] : config.middleware;
  return createRoute({
    ...config,
    middleware,
    description,
    security,
    responses: { ...problemResponses(...policyErrorCodes(policy)), ...config.responses },
  } as R);
}

type DeclaredRoute = ReturnType<typeof policyRoute>;

/**
 * Registers a route whose request the handler reads itself (a streamed multipart body, a path
 * holding slashes): documented like any other, its declared policy applied the same way, its
 * zod validators not (they would buffer the body or could not match the path).
 */
export function registerUnvalidatedRoute(
  app: OpenAPIHono<AppEnv>,
  route: DeclaredRoute,
  handler: Handler<AppEnv>,
  routingPath: string = route.getRoutingPath(),
): void {
  const { middleware, ...documented } = route;
  app.openAPIRegistry.registerPath(documented);
  app.on(
    [route.method.toUpperCase()],
    [routingPath],
    ...(middleware as MiddlewareHandler<AppEnv>[]),
    handler,
  );
}
