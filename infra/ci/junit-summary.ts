// Prints one closing line for the whole CI run from the JUnit reports the suites wrote
// (vitest's embedded and stack suites, schemathesis): "tests: N passed, N failed, N skipped",
// then the same as a pytest-style "==== N passed in Xs ====" line.
// CI's runner reads that plain line; the suites' own summaries (vitest's coloured table,
// schemathesis's pytest-like "N warnings in Xs") are not read as test counts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "test-artifacts";
const reports = readdirSync(dir).filter((f) => f.endsWith("-junit.xml"));
if (reports.length === 0) {
  console.error(`no JUnit reports in ${dir}`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const report of reports) {
  const xml = readFileSync(join(dir, report), "utf8");
  // Each <testcase ...> is either self-closed or closed by </testcase>; what it holds says
  // whether it failed (<failure>/<error>) or was skipped (<skipped>).
  const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  let f = 0;
  let s = 0;
  for (const c of cases) {
    if (/<(failure|error)\b/.test(c)) f++;
    else if (/<skipped\b/.test(c)) s++;
  }
  console.log(`${report}: ${cases.length - f - s} passed, ${f} failed, ${s} skipped`);
  passed += cases.length - f - s;
  failed += f;
  skipped += s;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
// The same totals once more as a pytest-style line, the last one CI prints: a plain summary
// that any reader of test logs recognises (schemathesis's "N warnings in Xs" is not a count).
const seconds = process.argv[3] ? ` in ${process.argv[3]}s` : "";
const parts = [
  failed > 0 ? `${failed} failed` : "",
  `${passed} passed`,
  skipped > 0 ? `${skipped} skipped` : "",
];
console.log(`======== ${parts.filter(Boolean).join(", ")}${seconds} ========`);
process.exit(failed > 0 ? 1 : 0);
