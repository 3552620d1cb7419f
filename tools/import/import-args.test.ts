import { describe, expect, it } from "vitest";
import { parseImportArgs } from "./import-args.js";

const id = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("parseImportArgs", () => {
  it("takes a folder, a collection and defaults", () => {
    expect(parseImportArgs(["docs/", "--collection", id])).toEqual({
      source: "docs/",
      collectionId: id,
      url: "http://127.0.0.1:8080",
      key: undefined,
      concurrency: 4,
      wait: false,
      stateFile: `.docstack-import-${id}.jsonl`,
    });
  });

  it("takes every option", () => {
    expect(
      parseImportArgs([
        "s3://archive/2024/",
        "--collection",
        id,
        "--url",
        "https://docs.example.org/",
        "--key",
        "k",
        "--concurrency",
        "8",
        "--wait",
        "--state-file",
        "s.jsonl",
      ]),
    ).toMatchObject({
      url: "https://docs.example.org",
      key: "k",
      concurrency: 8,
      wait: true,
      stateFile: "s.jsonl",
    });
  });

  it.each([
    [[], /one folder/],
    [["a", "b", "--collection", id], /one folder/],
    [["a"], /--collection/],
    [["a", "--collection", "docs"], /UUID/],
    [["a", "--collection", id, "--concurrency", "0"], /1 to 64/],
    [["a", "--collection", id, "--concurrency", "two"], /1 to 64/],
    [["a", "--collection", id, "--url", "ftp://x"], /http/],
    [["s3://", "--collection", id], /s3:\/\/bucket/],
    [["a", "--collection", id, "--colection", id], /Unknown option/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(message);
  });
});
