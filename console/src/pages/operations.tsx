import type { PageProps } from "../app.js";

export function OperationsPage(_props: PageProps) {
  return (
    <section class="card">
      <p>Readiness of each dependency, the index queue and backups: not built yet.</p>
    </section>
  );
}
