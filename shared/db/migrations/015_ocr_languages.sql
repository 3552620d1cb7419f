-- The languages OCR reads a collection's scanned pages and images in: tesseract language codes
-- (eng, fra, deu, spa), each one whose traineddata package this build ships
-- (shared/extract/ocr/ocr-languages.ts), checked when the collection is made. A collection made
-- before OCR existed reads in the language of its keyword search where one is shipped, else English,
-- as a new collection does by default.
alter table collections add column if not exists ocr_languages text[] not null default '{eng}';
update collections set ocr_languages = case language
    when 'french' then '{fra}'::text[] when 'german' then '{deu}'::text[] when 'spanish' then '{spa}'::text[]
    else '{eng}'::text[] end
  where ocr_languages = '{eng}';

-- The pages (1-based; an image counts as page 1) whose text came from OCR, for the document view:
-- null for a document without OCR and until the document has been indexed.
alter table documents add column if not exists ocr_pages integer[];
