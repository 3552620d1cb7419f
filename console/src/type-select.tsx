import { typeNames } from "./content-types.js";

/** A labelled choice of the file types the server takes, "any" first. */
export function TypeSelect(props: { id: string; value: string; onChange: (type: string) => void }) {
  const { id, value, onChange } = props;
  return (
    <div>
      <label for={id}>Type</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">any</option>
        {Object.entries(typeNames).map(([mime, label]) => (
          <option key={mime} value={mime}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
