import { ScrollRegion } from "../scroll-region.js";
import type { QueryGroups } from "./use-analytics.js";

type Group = QueryGroups["top"][number];

/**
 * GET /analytics/queries: the questions that found nothing and those asked most. Groups under the
 * privacy threshold are withheld by the server; this says how many, so an empty table is not
 * mistaken for "nobody asked".
 */
export function QuestionTables({ groups }: { groups: QueryGroups }) {
  return (
    <>
      <p class="note" data-testid="privacy-note">
        A question is listed only once it was asked at least {groups.min_count} times (the server's
        ANALYTICS_MIN_COUNT): a question asked by few could tell who asked it.{" "}
        <strong>{withheld(groups.hidden_groups)}</strong>
        {groups.queries_without_text > 0 &&
          ` ${groups.queries_without_text} queries were made in collections that keep no query text (analytics_text off): they are counted above but cannot be grouped here.`}
        {groups.noise_epsilon !== null &&
          ` The counts carry random noise (ε = ${groups.noise_epsilon}); each reading differs a little.`}
      </p>
      <GroupTable
        title="Questions that found nothing"
        groups={groups.unanswered}
        testId="zero-result-queries"
        minCount={groups.min_count}
      />
      <GroupTable
        title="Questions asked most"
        groups={groups.top}
        testId="top-queries"
        minCount={groups.min_count}
      />
    </>
  );
}

function GroupTable(props: { title: string; groups: Group[]; testId: string; minCount: number }) {
  return (
    <ScrollRegion label={props.title}>
      <table data-testid={props.testId}>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col" class="num">
              Times asked
            </th>
          </tr>
        </thead>
        <tbody>
          {props.groups.length === 0 && (
            <tr>
              <td colSpan={2}>None asked {props.minCount} times or more.</td>
            </tr>
          )}
          {props.groups.map((g) => (
            <tr key={g.query_hash}>
              <th scope="row" class="doc">
                {g.text ?? (
                  <span class="muted">
                    text not kept (hashed) · group <code>{g.query_hash.slice(0, 12)}</code>
                  </span>
                )}
              </th>
              <td class="num">{g.queries}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function withheld(groups: number): string {
  if (groups === 0) return "No question was left out for being asked fewer times.";
  return groups === 1
    ? "1 question was asked fewer times and is not shown."
    : `${groups} different questions were asked fewer times and are not shown.`;
}
