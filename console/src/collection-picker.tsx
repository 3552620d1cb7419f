import type { components } from "@docstack/client";

type Collection = components["schemas"]["Collection"];

export function CollectionPicker(props: {
  id: string;
  collections: Collection[] | undefined;
  value: string;
  onChange: (id: string) => void;
}) {
  const { id, collections, value, onChange } = props;
  return (
    <div>
      <label for={id}>Collection</label>
      <select id={id} required value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {collections === undefined && <option value="">Loading…</option>}
        {collections?.length === 0 && <option value="">No collections</option>}
        {collections?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
