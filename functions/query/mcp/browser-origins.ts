import type { MiddlewareHandler } from "hono";
import { ApiError } from "../../../shared/errors/api-error.js";
import type { AppEnv } from "../../../shared/http/create-app.js";

/**
 * The MCP spec asks servers to check Origin: a page that rebinds its own host name to this
 * server's address would otherwise reach /mcp from a browser (an install without keys answers
 * anyone). MCP clients outside a browser send no Origin and pass; a browser-based client is let
 * in by naming its origin in MCP_ALLOWED_ORIGINS.
 */
export function browserOrigins(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      const allowed = (c.var.deps.config.MCP_ALLOWED_ORIGINS ?? "")
        .split(",")
        .map((o) => o.trim())
        .filter((o) => o !== "");
      if (!allowed.includes(origin))
        throw new ApiError(
          "forbidden",
          `requests to /mcp from the browser origin ${JSON.stringify(origin.slice(0, 200))} are refused; ` +
            "an operator may allow it in MCP_ALLOWED_ORIGINS",
        );
    }
    await next();
  };
}
