import { describe, expect, it } from "vitest";
import { ApiError, errorCodes, errorStatus } from "./api-error.js";
import { problemType, toProblem } from "./problem.js";

describe("toProblem", () => {
  it.each(errorCodes)("renders %s with its status, title and request id", (code) => {
    const problem = toProblem(new ApiError(code, "something specific"), "req-1", "/x");
    expect(problem).toMatchObject({
      type: problemType(code),
      status: errorStatus[code],
      code,
      detail: "something specific",
      requestId: "req-1",
      instance: "/x",
    });
    expect(problem.title.length).toBeGreaterThan(0);
  });

  it("keeps field issues", () => {
    const problem = toProblem(
      new ApiError("validation_failed", "bad", { errors: [{ path: "top_k", message: "too big" }] }),
      "r",
    );
    expect(problem.errors).toEqual([{ path: "top_k", message: "too big" }]);
  });

  it("hides the message of unknown errors", () => {
    const problem = toProblem(new Error("password=hunter2 at db.internal:5432"), "r");
    expect(problem.status).toBe(500);
    expect(problem.code).toBe("internal");
    expect(JSON.stringify(problem)).not.toContain("hunter2");
  });
});
