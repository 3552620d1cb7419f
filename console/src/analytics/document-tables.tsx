import { ScrollRegion } from "../scroll-region.js";
import type { DocumentStats } from "./use-analytics.js";

/** GET /analytics/documents: the documents most queries returned, and indexed ones none did. */
export function DocumentTables({
  stats,
  names,
}: {
  stats: DocumentStats;
  names: Map<string, string> | undefined;
}) {
  const acrossCollections = stats.collection_id === null;
  return (
    <>
      {stats.noise_epsilon !== null && (
        <p class="note">
          The counts carry random noise (ε = {stats.noise_epsilon}); each reading differs a little.
        </p>
      )}
      <ScrollRegion label="Documents returned most">
        <table data-testid="top-documents">
          <caption>Returned by the most queries (each query counts a document once)</caption>
          <thead>
            <tr>
              <th scope="col">Document</th>
              {acrossCollections && <th scope="col">Collection</th>}
              <th scope="col" class="num">
                Queries
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.most_retrieved.length === 0 && (
              <tr>
                <td colSpan={acrossCollections ? 3 : 2}>No query returned a document in this range.</td>
              </tr>
            )}
            {stats.most_retrieved.map((d) => (
              <tr key={d.document_id}>
                <th scope="row" class="doc">
                  {d.filename}
                </th>
                {acrossCollections && <td>{names?.get(d.collection_id) ?? d.collection_id}</td>}
                <td class="num">{d.queries}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3>Never returned</h3>
      {stats.never_retrieved.length === 0 ? (
        <p>Every indexed document was returned by some query in this range.</p>
      ) : (
        <>
          <p class="help">
            Indexed, yet no query in this range returned them
            {stats.never_retrieved.length === 20 ? " (the first 20, oldest first)" : ", oldest first"}:
          </p>
          <ul class="plain" data-testid="never-retrieved">
            {stats.never_retrieved.map((d) => (
              <li key={d.document_id} class="doc">
                {d.filename}
                {acrossCollections && (
                  <span class="muted"> · {names?.get(d.collection_id) ?? d.collection_id}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
