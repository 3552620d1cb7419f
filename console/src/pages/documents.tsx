import { useState } from "preact/hooks";
import type { PageProps } from "../app.js";
import { may } from "../caller.js";
import { CollectionPicker } from "../collection-picker.js";
import { DocumentTable } from "../documents/document-table.js";
import { UploadZone } from "../documents/upload-zone.js";
import { ErrorAlert } from "../error-alert.js";
import { useCollections } from "../use-collections.js";

export function DocumentsPage({ client, caller, session }: PageProps) {
  const { collections, current, choose, error } = useCollections(client);
  const [refresh, setRefresh] = useState(0);
  const canWrite = may(caller, "write");
  return (
    <>
      <div class="card">
        <CollectionPicker
          id="documents-collection"
          collections={collections}
          value={current}
          onChange={choose}
        />
        <ErrorAlert message={error} />
      </div>
      {canWrite && current && (
        <UploadZone
          client={client}
          session={session}
          collection={current}
          onChange={() => setRefresh((n) => n + 1)}
        />
      )}
      {current && (
        <DocumentTable client={client} collection={current} canWrite={canWrite} refresh={refresh} />
      )}
    </>
  );
}
