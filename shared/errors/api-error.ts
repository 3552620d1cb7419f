/**
 * The one error type of Docstack. Library code throws it (or returns values); the HTTP layer
 * renders it as RFC 9457 problem+json. The code enum is closed so clients can switch on it.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
  overloaded: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const errorTitles: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  rate_limited: "Too many requests",
  internal: "Internal server error",
  service_unavailable: "Service unavailable",
  overloaded: "Overloaded",
};

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorOptions {
  errors?: FieldIssue[];
  /** Seconds; rendered as the Retry-After header (429, 503). */
  retryAfter?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldIssue[] | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, detail: string, options: ApiErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** A dependency (database, object store, vector store, embedder) failed: the caller may retry. */
export function dependencyUnavailable(dependency: string, cause: unknown): ApiError {
  // Already a 503 (an open circuit breaker): keep its own Retry-After.
  if (cause instanceof ApiError && cause.code === "service_unavailable") return cause;
  return new ApiError("service_unavailable", `${dependency} is unavailable; retry later`, {
    retryAfter: 5,
    cause,
  });
}
