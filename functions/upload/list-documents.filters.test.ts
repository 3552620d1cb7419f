import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadText } from "../../tests/support/embedded-stack.js";

let stack: EmbeddedStack;
let collection: string;
beforeAll(async () => {
  stack = await startEmbeddedStack();
  collection = await stack.createCollection();
  await uploadText(stack, collection, "Annual Report 2025.txt", "Revenue grew.");
  await uploadText(stack, collection, "minutes_100%.txt", "The board met.");
  await uploadText(stack, collection, "budget.txt", "Spending fell.");
});
afterAll(() => stack.close());

const names = async (query: string) => {
  const r = await stack.json<{ items: { filename: string }[]; totals: { count: number } }>(
    `/documents?collection_id=${collection}&${query}`,
  );
  expect(r.status).toBe(200);
  return r.body.items.map((d) => d.filename).sort();
};

describe("GET /documents filename_contains", () => {
  it.each([
    ["report", ["Annual Report 2025.txt"]],
    ["REPORT 20", ["Annual Report 2025.txt"]],
    [".txt", ["Annual Report 2025.txt", "budget.txt", "minutes_100%.txt"]],
    // % and _ are letters here, not LIKE wildcards.
    ["100%", ["minutes_100%.txt"]],
    ["_", ["minutes_100%.txt"]],
    ["%", ["minutes_100%.txt"]],
    ["nothing like it", []],
  ])("%s matches %j", async (part, expected) => {
    expect(await names(`filename_contains=${encodeURIComponent(part)}`)).toEqual(expected);
  });

  it("combines with the exact name and refuses NUL", async () => {
    expect(await names("filename_contains=b&filename=budget.txt")).toEqual(["budget.txt"]);
    const r = await stack.json<{ status: number }>(`/documents?filename_contains=a%00b`);
    expect(r.status).toBe(422);
  });
});
