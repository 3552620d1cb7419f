import { describe, expect, it } from "vitest";
import { and, join, raw, render, sql } from "./sql.js";

describe("sql", () => {
  it("binds values as numbered parameters", () => {
    expect(render(sql`select * from t where a = ${1} and b = ${"x"}`)).toEqual({
      text: "select * from t where a = $1 and b = $2",
      params: [1, "x"],
    });
  });

  it("numbers parameters across nested fragments", () => {
    const where = and([sql`a = ${1}`, sql`b = ${2}`, sql`c in (${join([sql`${3}`, sql`${4}`], ", ")})`]);
    expect(render(sql`select 1 where ${where} limit ${10}`)).toEqual({
      text: "select 1 where a = $1 and b = $2 and c in ($3, $4) limit $5",
      params: [1, 2, 3, 4, 10],
    });
  });

  it("refuses an undefined value instead of binding NULL", () => {
    expect(() => render(sql`select 1 limit ${undefined}`)).toThrow(/undefined SQL parameter \$1/);
  });

  it("renders an empty condition list as true and keeps raw text", () => {
    expect(render(sql`select ${raw("x")} where ${and([])}`).text).toBe("select x where true");
  });
});
