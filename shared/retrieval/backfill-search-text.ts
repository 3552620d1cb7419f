import type { Queryable } from "../db/database.js";
import { sql } from "../db/sql.js";
import { chunkSearchText } from "./search-text.js";

const batch = 1000;

/**
 * Migration 014's data step: gives existing chunks whose search form differs from their text
 * (compatibility forms, Chinese, Japanese, Thai or Korean words) that form, which re-analyses
 * them (the chunks_analyse trigger). Read in primary-key batches, so memory stays bounded
 * however many chunks there are; most chunks need nothing written.
 */
export async function backfillChunkSearchText(tx: Queryable): Promise<void> {
  let after: { document_id: string; chunk_index: number } | undefined;
  for (;;) {
    const rows = await tx.query<{ document_id: string; chunk_index: number; text: string }>(sql`
      select document_id::text, chunk_index, text from chunks
      where ${after === undefined ? sql`true` : sql`(document_id, chunk_index) > (${after.document_id}::uuid, ${after.chunk_index})`}
      order by document_id, chunk_index limit ${batch}`);
    const changed = rows.flatMap((r) => {
      const form = chunkSearchText(r.text);
      return form === null ? [] : [{ ...r, form }];
    });
    if (changed.length > 0) {
      await tx.query(sql`
        update chunks c set search_text = v.form
        from unnest(${changed.map((r) => r.document_id)}::uuid[], ${changed.map((r) => r.chunk_index)}::int[],
                    ${changed.map((r) => r.form)}::text[]) as v(document_id, chunk_index, form)
        where c.document_id = v.document_id and c.chunk_index = v.chunk_index`);
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < batch) return;
    after = { document_id: last.document_id, chunk_index: last.chunk_index };
  }
}
