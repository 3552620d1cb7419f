import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

const markdownIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(dir, name));

/** The documentation a reader follows: the README, docs/ and the results it points into. */
const pages = ["README.md", ...markdownIn("docs"), ...markdownIn("bench/results")];

/** The lines outside fenced code blocks (blank inside them: links and headings there are examples). */
function outsideFences(markdown: string): string[] {
  let fenced = false;
  return markdown.split("\n").map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return "";
    }
    return fenced ? "" : line;
  });
}

/** Anchors GitHub gives the page's headings (a code span's text stays in the slug). */
function anchors(page: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  for (const line of outsideFences(readFileSync(join(root, page), "utf8"))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading?.[1] !== undefined) found.add(slugger.slug(heading[1].replaceAll("`", "")));
  }
  return found;
}

/** Every relative link target on the page ([text](target)), as written. */
function relativeLinks(page: string): string[] {
  // Inline code spans are blanked: a link written there is an example too.
  const text = outsideFences(readFileSync(join(root, page), "utf8"))
    .map((line) => line.replace(/`[^`]*`/g, "``"))
    .join("\n");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? "")
    .filter((target) => !/^[a-z]+:/i.test(target));
}

function problemsOf(page: string): string[] {
  const problems: string[] = [];
  for (const target of relativeLinks(page)) {
    const [path = "", anchor] = target.split("#");
    const file = path === "" ? join(root, page) : join(root, dirname(page), path);
    const shown = `${page}: ${target}`;
    if (!existsSync(file)) {
      problems.push(`${shown} (no such file)`);
      continue;
    }
    if (anchor === undefined) continue;
    if (statSync(file).isDirectory() || !file.endsWith(".md")) {
      problems.push(`${shown} (an anchor into something that is not a page)`);
    } else if (!anchors(relative(root, file)).has(anchor)) {
      problems.push(`${shown} (no heading with that anchor)`);
    }
  }
  return problems;
}

describe("links in the README, docs/ and bench/results/", () => {
  it("finds the pages and their links", () => {
    expect(pages).toContain("docs/configuration.md");
    expect(relativeLinks("README.md").length).toBeGreaterThan(10);
  });

  it.each(pages)("%s: every relative link reaches a file, and every anchor a heading", (page) => {
    expect(problemsOf(page)).toEqual([]);
  });
});
