/**
 * The shape of a table before its rows arrive: the same header and about as many rows, so that
 * what follows does not move when the answer comes. Hidden from screen readers, which are told
 * "Loading…" instead.
 */
export function PlaceholderTable(props: {
  caption: string;
  columns: string[];
  rows: number;
  lines?: number;
}) {
  const lines = props.lines ?? 1;
  return (
    <div class="table-wrap" aria-hidden="true">
      <table class="compact placeholder">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: props.rows }, (_, row) => (
            <tr key={row}>
              {props.columns.map((c) => (
                <td key={c}>
                  …
                  {Array.from({ length: lines - 1 }, (_, line) => (
                    <span key={line} class="sub">
                      …
                    </span>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
