import { describe, expect, it } from "vitest";
import { isDriverStray } from "./driver-strays.js";

describe("isDriverStray", () => {
  it("recognises the driver's own lost errors and nothing else", () => {
    const postgresError = Object.assign(new Error("server login has been failing"), {
      name: "PostgresError",
    });
    expect(isDriverStray(postgresError)).toBe(true);

    const nullSocket = new TypeError("Cannot read properties of null (reading 'write')");
    nullSocket.stack = `TypeError: Cannot read properties of null (reading 'write')\n    at nextWrite (file:///app/node_modules/postgres/src/connection.js:250:12)\n    at Immediate._onImmediate (node:internal/timers:1)`;
    expect(isDriverStray(nullSocket)).toBe(true);

    const ours = new TypeError("x is undefined");
    ours.stack = `TypeError: x is undefined\n    at handler (file:///app/functions/query/routes/query.ts:10:1)\n    at file:///app/node_modules/postgres/src/connection.js:250:12`;
    expect(isDriverStray(ours)).toBe(false);
    expect(isDriverStray("a string")).toBe(false);
    expect(isDriverStray(new Error("boom"))).toBe(false);
  });
});
