import { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { ApiError, type ErrorCode, errorStatus } from "../errors/api-error.js";
import { type AppEnv, asApiError } from "./create-app.js";

/**
 * Dify's error codes (its External Knowledge API: 1001, 1002, 2001), and ours for what its
 * list does not name. A Dify app shows `error_msg` to its user; the HTTP status is ours.
 */
export const difyErrorCodes = {
  /** No credential, or an Authorization header that is not `Bearer <key>`. */
  invalidAuthorizationHeader: 1001,
  /** The key is unknown or revoked, lacks the read scope, or may not use this collection. */
  authorizationFailed: 1002,
  /** No collection with the knowledge_id (or one the key may not see). */
  knowledgeNotFound: 2001,
  invalidRequest: 3001,
  conflict: 3002,
  rateLimited: 4001,
  internal: 5000,
  unavailable: 5001,
} as const;

export const DifyErrorSchema = z
  .object({
    error_code: z.number().int().openapi({ example: difyErrorCodes.authorizationFailed }),
    error_msg: z.string().openapi({ example: "The API key is unknown or revoked" }),
  })
  .openapi("DifyError", { description: "An error in the shape of Dify's External Knowledge API" });

function presentsCredential(authorization: string | undefined, apiKey: string | undefined): boolean {
  return /^Bearer\s+\S+\s*$/i.test(authorization ?? "") || (apiKey?.trim() ?? "") !== "";
}

function difyCode(code: ErrorCode, credential: boolean): number {
  switch (code) {
    case "unauthorized":
      return credential ? difyErrorCodes.authorizationFailed : difyErrorCodes.invalidAuthorizationHeader;
    case "forbidden":
      return difyErrorCodes.authorizationFailed;
    case "not_found":
      return difyErrorCodes.knowledgeNotFound;
    case "conflict":
      return difyErrorCodes.conflict;
    case "rate_limited":
      return difyErrorCodes.rateLimited;
    case "service_unavailable":
    case "overloaded":
      return difyErrorCodes.unavailable;
    case "internal":
      return difyErrorCodes.internal;
    default:
      return difyErrorCodes.invalidRequest;
  }
}

/**
 * Renders this route's errors as Dify expects ({error_code, error_msg}, application/json)
 * instead of problem+json. It goes first in the route's middleware, so it also sees what the
 * key check, the rate limit and the body validation refuse (each already rendered by the app's
 * onError, which leaves the error on the context). Headers (Retry-After, WWW-Authenticate,
 * X-Request-Id) stay as they were.
 */
export function difyErrors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const error = c.error;
    if (error === undefined) return;
    const known = asApiError(error);
    const apiError =
      known instanceof ApiError ? known : new ApiError("internal", "An unexpected error occurred");
    const credential = presentsCredential(c.req.header("authorization"), c.req.header("x-api-key"));
    const detail = apiError.errors?.map((e) => `${e.path}: ${e.message}`).join("; ");
    const code = difyCode(apiError.code, credential);
    const message =
      code === difyErrorCodes.invalidAuthorizationHeader
        ? "Invalid Authorization header format. Expected 'Bearer <api-key>' format."
        : detail
          ? `${apiError.message}: ${detail}`
          : apiError.message;
    const headers = new Headers(c.res.headers);
    headers.set("content-type", "application/json");
    c.res = new Response(JSON.stringify({ error_code: code, error_msg: message }), {
      status: errorStatus[apiError.code],
      headers,
    });
  };
}
