import { describe, expect, it } from "vitest";
import { splitStatements } from "./migrate.js";

describe("splitStatements", () => {
  it("splits on top-level semicolons only", () => {
    const text = `create table a (x text default ';'); -- a comment; here
create function f() returns void language plpgsql as $$ begin perform 1; end; $$;
select 1`;
    expect(splitStatements(text)).toEqual([
      "create table a (x text default ';')",
      "create function f() returns void language plpgsql as $$ begin perform 1; end; $$",
      "select 1",
    ]);
  });
});
