-- The character encoding a text file (TXT, MD, HTML, CSV) was read in: by byte order mark, HTML
-- declaration, UTF-8 or detection (shared/extract/text-encoding.ts). Set when the document is
-- indexed, from the whole file; null for binary formats and until then.
alter table documents add column if not exists text_encoding text;
