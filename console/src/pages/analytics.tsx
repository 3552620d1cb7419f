import type { PageProps } from "../app.js";

export function AnalyticsPage(_props: PageProps) {
  return (
    <section class="card">
      <p>Retrieval analytics: not built yet.</p>
    </section>
  );
}
