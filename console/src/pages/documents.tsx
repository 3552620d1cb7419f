import type { PageProps } from "../app.js";

export function DocumentsPage(_props: PageProps) {
  return (
    <section class="card">
      <p>Documents: not built yet.</p>
    </section>
  );
}
