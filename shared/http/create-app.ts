import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { matchedRoutes } from "hono/route";
import type { ZodError } from "zod";
import { admission } from "../admission/admit.js";
import type { Principal } from "../auth/principal.js";
import type { Deps } from "../deps/deps.js";
import { ApiError } from "../errors/api-error.js";
import { problemContentType, toProblem } from "../errors/problem.js";
import { registerDatabaseGauges } from "../metrics/database-gauges.js";
import { httpDuration, httpRequests, processMetrics } from "../metrics/registry.js";
import { allowedMethods } from "./allowed-methods.js";
import { documentConfig, functionDescriptions, functionDocPaths } from "./openapi-info.js";
import { notRateLimited, publicAccess } from "./route-policy.js";
import { isFunctionName } from "./route-table.js";
import { discardBody, unreadBodyOutcome } from "./unread-body.js";

export interface AppEnv {
  Variables: { deps: Deps; requestId: string; principal: Principal };
}
export type AppContext = Context<AppEnv>;

const requestIdPattern = /^[A-Za-z0-9._:-]{8,128}$/;

function issuesOf(error: ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

function fromHttpException(e: HTTPException): ApiError {
  if (e.status === 413) return new ApiError("payload_too_large", "Request body is too large", { cause: e });
  if (e.status === 400) return new ApiError("bad_request", e.message || "Malformed request", { cause: e });
  if (e.status === 415)
    return new ApiError("unsupported_media_type", "This content type is not accepted here", { cause: e });
  return new ApiError(e.status >= 500 ? "internal" : "bad_request", e.message, { cause: e });
}

/**
 * Text PostgreSQL cannot store: a NUL character (22021 in text, 22P05 in jsonb) or other invalid
 * byte sequences. It came from the client, so it is their 422, not our 500.
 */
function fromUnstorableText(error: unknown): ApiError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "22021" || code === "22P05") {
    return new ApiError(
      "validation_failed",
      "Text must not contain NUL characters or invalid byte sequences",
      {
        cause: error,
      },
    );
  }
  return undefined;
}

/** What was thrown, as the ApiError it is answered as (anything unknown stays as it is: a 500). */
export function asApiError(error: unknown): unknown {
  return error instanceof HTTPException ? fromHttpException(error) : (fromUnstorableText(error) ?? error);
}

export function renderError(c: AppContext, error: unknown): Response {
  const apiError = asApiError(error);
  const requestId = c.get("requestId") ?? "unknown";
  const problem = toProblem(apiError, requestId, c.req.path);
  const log = c.get("deps")?.log;
  if (problem.status >= 500) log?.error("request failed", { requestId, path: c.req.path, error });
  const headers: Record<string, string> = { "content-type": problemContentType };
  if (apiError instanceof ApiError && apiError.retryAfter !== undefined)
    headers["retry-after"] = String(apiError.retryAfter);
  return c.body(JSON.stringify(problem), problem.status as 400, headers);
}

/**
 * The app factory every function starts from: deps in the context, a request id on every
 * request and response, one JSON log line per request, problem+json for every error (zod
 * failures included, with field paths), and a problem+json 404.
 */
export interface BaseAppOptions {
  /** More Prometheus text for this function's /metrics (backup-status: the backup families). */
  metrics?: () => Promise<string>;
}

export function createBaseApp(deps: Deps, name: string, options: BaseAppOptions = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError("validation_failed", "The request does not match the schema", {
          errors: issuesOf(result.error),
        });
      }
    },
  });
  const log = deps.log.child({ function: name });

  app.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("deps", deps);
    const started = performance.now();
    // The body as it arrived: the JSON size check may put a read copy in c.req.raw.
    const request = c.req.raw;
    await next();
    const unread = unreadBodyOutcome(request, c.env, deps.config.MAX_JSON_BYTES);
    if (unread === "drain") void discardBody(request);
    else if (unread === "close") c.header("connection", "close");
    const seconds = (performance.now() - started) / 1000;
    // The route pattern, not the path: ids would make a series per document. The matched
    // route's, not the last handler run's: a request refused by a middleware (admission, a key
    // check) still counts under its route.
    const matched = matchedRoutes(c).at(-1)?.path;
    const route = matched === undefined || matched === "/*" ? "unmatched" : matched;
    const status = String(c.res.status);
    httpRequests({ function: name, route, method: c.req.method, status });
    httpDuration({ function: name, route, method: c.req.method, status: `${status[0]}xx` }, seconds);
    c.header("x-request-id", requestId);
    log.info("request", {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      key: c.get("principal")?.name,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  // Before anything that costs: a request over the limit is refused without touching a store.
  app.use("*", admission(name, deps));

  // Multipart uploads are bounded while streaming (file, field and part limits); every other
  // body is capped here, before anything parses it.
  const jsonLimit = bodyLimit({
    maxSize: deps.config.MAX_JSON_BYTES,
    onError: () => {
      throw new ApiError(
        "payload_too_large",
        `Request bodies are limited to ${deps.config.MAX_JSON_BYTES} bytes`,
      );
    },
  });
  app.use("*", (c, next) =>
    /^multipart\/form-data/i.test(c.req.header("content-type") ?? "") ? next() : jsonLimit(c, next),
  );

  // Access and rate limits are declared by each route (shared/http/route-policy.ts); nothing
  // here applies them to every path. These three are public and unlimited, and say so.
  if (isFunctionName(name)) {
    // Each function publishes its own contract; the merged one is openapi.yaml (npm run openapi).
    const document = documentConfig(`Docstack ${name}`, functionDescriptions[name]);
    app.get(
      functionDocPaths[name],
      publicAccess("the contract is public"),
      notRateLimited("a static document"),
      (c) => c.json(app.getOpenAPI31Document(document)),
    );
  }

  // This process's own probe, for container healthchecks, load balancers and the local stack
  // launcher: 200 while it serves, 503 once it is stopping (its requests in flight still finish).
  // Not in the OpenAPI document and not routed by Nginx: the public probes are the health function's.
  app.get(
    "/healthz",
    publicAccess("orchestrators probe it without credentials"),
    notRateLimited("probes must always answer"),
    (c) => {
      c.header("cache-control", "no-store");
      return deps.lifecycle?.draining
        ? c.json({ status: "draining", function: name }, 503)
        : c.json({ status: "ok", function: name }, 200);
    },
  );

  // Prometheus, on the internal network like /healthz: the process's request, search, index and
  // pool figures (and whatever the function adds).
  registerDatabaseGauges(deps);
  app.get(
    "/metrics",
    publicAccess("scraped on the internal network, not routed by Nginx"),
    notRateLimited("the scraper must always get an answer"),
    async (c) => {
      const text = (await processMetrics.render()) + (options.metrics ? await options.metrics() : "");
      return c.body(text, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    },
  );

  app.onError((error, c) => renderError(c, error));
  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length === 0)
      return renderError(c, new ApiError("not_found", `No route for ${c.req.method} ${c.req.path}`));
    c.header("allow", allowed.join(", "));
    return renderError(
      c,
      new ApiError(
        "method_not_allowed",
        `${c.req.method} is not allowed on ${c.req.path}; it answers ${allowed.join(", ")}`,
      ),
    );
  });
  return app;
}
