import { describe, expect, it } from "vitest";
import { TimestampSchema } from "./timestamp.js";

// tests/embedded/input-validation.test.ts checks the same values against PostgreSQL itself.
describe("TimestampSchema", () => {
  it.each([
    "2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00.123456789Z",
    "2024-01-01T00:00:00-00:00",
    "0001-01-01T00:00:00+15:59",
    "9999-12-31T23:59:59-15:59",
  ])("accepts %s", (value) => {
    expect(TimestampSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    "0000-01-01T00:00:00Z",
    "2024-01-01T00:00:00+16:00",
    "2024-01-01T00:00:00-20:59",
    "2024-01-01T00:00:00+23:59",
    "2023-02-29T12:00:00+01:00",
    "2024-01-01T00:00:00",
  ])("refuses %s", (value) => {
    expect(TimestampSchema.safeParse(value).success).toBe(false);
  });

  it("says what is wrong", () => {
    const result = TimestampSchema.safeParse("2024-01-01T00:00:00+19:00");
    expect(result.error?.issues[0]?.message).toMatch(/offset from -15:59 to \+15:59/);
  });
});
