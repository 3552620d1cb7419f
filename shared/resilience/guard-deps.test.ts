import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import { isDatabaseFailure } from "./guard-deps.js";

describe("isDatabaseFailure", () => {
  it("counts what the server could not do, and the driver's own errors", () => {
    expect(isDatabaseFailure(Object.assign(new Error("gone"), { code: "08006" }))).toBe(true);
    expect(isDatabaseFailure(Object.assign(new Error("timeout"), { code: "57014" }))).toBe(true);
    expect(isDatabaseFailure(new Error("ECONNREFUSED"))).toBe(true);
  });

  it("does not count answers: a constraint, or our own decision thrown inside a transaction", () => {
    expect(isDatabaseFailure(Object.assign(new Error("duplicate"), { code: "23505" }))).toBe(false);
    expect(isDatabaseFailure(new ApiError("not_found", "Document x not found"))).toBe(false);
    expect(isDatabaseFailure(new ApiError("conflict", "taken"))).toBe(false);
  });

  it("looks through an error that wraps the database's own", () => {
    const refused = Object.assign(new Error("raise"), { code: "P0001" });
    const down = Object.assign(new Error("terminating"), { code: "57P01" });
    expect(isDatabaseFailure(new ApiError("service_unavailable", "audit", { cause: refused }))).toBe(false);
    expect(isDatabaseFailure(new ApiError("service_unavailable", "audit", { cause: down }))).toBe(true);
  });
});
