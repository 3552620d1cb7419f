-- Docstack schema, from the platform's reference data model.

create table collections (
  id uuid primary key,
  name text not null unique,
  description text not null default '',
  embedding_model text not null,
  embedding_dimension integer not null check (embedding_dimension > 0),
  -- Per-collection overrides of the adaptive chunking defaults, e.g. {"pdf": {"size": 800, "overlap": 80}}.
  chunking jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table documents (
  id uuid primary key,
  filename text not null,
  object_name text not null unique,
  content_type text not null,
  size bigint not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  upload_date timestamptz not null default now(),
  collection_id uuid not null references collections(id),
  created_by text,
  api_key_name text,
  is_indexed boolean not null default false,
  indexed_at timestamptz,
  index_status text not null default 'pending'
    check (index_status in ('pending', 'indexing', 'indexed', 'failed')),
  index_error text,
  index_attempts integer not null default 0,
  -- Set when an index run claims the document; a finishing run must still hold the same token.
  claim_token uuid,
  claimed_at timestamptz,
  chunk_count integer not null default 0,
  metadata jsonb not null default '{}'::jsonb,
  -- Set when deletion starts; a document with deleted_at set is invisible and is finished by a retry.
  deleted_at timestamptz
);

create index documents_collection_indexed on documents (collection_id, is_indexed, indexed_at);
create index documents_upload_date on documents (upload_date desc);
create index documents_created_by on documents (created_by, upload_date);
create index documents_claimable on documents (index_status, upload_date) where deleted_at is null;
-- Dedup by content within a collection. A document being deleted frees its hash for a replacement.
create unique index documents_collection_sha256 on documents (collection_id, sha256) where deleted_at is null;

create table chunks (
  document_id uuid not null references documents(id) on delete cascade,
  collection_id uuid not null references collections(id),
  chunk_index integer not null check (chunk_index >= 0),
  text text not null,
  tsv tsvector generated always as (to_tsvector('english', text)) stored,
  metadata jsonb not null default '{}'::jsonb,
  primary key (document_id, chunk_index)
);
create index chunks_tsv on chunks using gin (tsv);
create index chunks_collection on chunks (collection_id);

create table audit_logs (
  id bigint generated always as identity,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target text not null,
  details jsonb not null default '{}'::jsonb,
  primary key (id, at)
) partition by range (at);
-- Catch-all partition so no write is ever lost; monthly partitions are made ahead by ensure_audit_partitions.
create table audit_logs_default partition of audit_logs default;

create or replace function ensure_audit_partitions(months_ahead integer) returns void
language plpgsql as $$
declare
  m date;
  name text;
begin
  for i in 0..months_ahead loop
    m := (date_trunc('month', now()) + make_interval(months => i))::date;
    name := 'audit_logs_' || to_char(m, 'YYYY_MM');
    if to_regclass(name) is null then
      execute format(
        'create table %I partition of audit_logs for values from (%L) to (%L)',
        name, m, (m + interval '1 month')::date
      );
    end if;
  end loop;
end;
$$;
select ensure_audit_partitions(2);
