-- Retrieval analytics (functions/analytics): one row per query, written off the query's path in
-- batches (shared/analytics/event-buffer.ts), and feedback on a query's answer.
-- Plain SQL: PostgreSQL 15+ and PGlite alike.

-- What a collection lets analytics keep of a query's text: nothing (off, the default), a keyed
-- hash of the normalised text so repeats can be counted (hashed), or the text itself (full).
alter table collections add column analytics_text text not null default 'off'
  check (analytics_text in ('off', 'hashed', 'full'));

create table query_events (
  query_id uuid not null,
  at timestamptz not null default now(),
  collection_id uuid not null references collections(id) on delete cascade,
  api_key_name text,
  mode text not null,
  latency_ms real not null,
  result_count integer not null,
  top_score real,
  document_ids uuid[] not null default '{}',
  cache_hit boolean not null default false,
  -- null for an answered query; else the class of the failure (unavailable, internal).
  error_class text,
  query_hash text,
  query_text text,
  primary key (query_id, at)
) partition by range (at);
-- Catch-all partition so no event is lost; daily partitions are made ahead by the index worker.
create table query_events_default partition of query_events default;
create index query_events_collection_at on query_events (collection_id, at);

create or replace function ensure_query_event_partitions(days_ahead integer) returns void
language plpgsql as $$
declare
  d date;
  name text;
begin
  for i in 0..days_ahead loop
    d := (date_trunc('day', now()) + make_interval(days => i))::date;
    name := 'query_events_' || to_char(d, 'YYYY_MM_DD');
    if to_regclass(name) is null then
      execute format(
        'create table %I partition of query_events for values from (%L) to (%L)',
        name, d, d + 1
      );
    end if;
  end loop;
end;
$$;

-- Retention: whole daily partitions older than the retention are dropped, and old rows that
-- landed in the default partition deleted. Returns what it dropped.
create or replace function drop_query_event_partitions_older_than(days integer) returns setof text
language plpgsql as $$
declare
  cutoff date := (date_trunc('day', now()) - make_interval(days => days))::date;
  part record;
begin
  for part in
    select c.relname as name
    from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'query_events' and c.relname ~ '^query_events_[0-9]{4}_[0-9]{2}_[0-9]{2}$'
  loop
    if to_date(substr(part.name, 14), 'YYYY_MM_DD') < cutoff then
      execute format('drop table %I', part.name);
      return next part.name;
    end if;
  end loop;
  delete from query_events_default where at < cutoff;
end;
$$;
select ensure_query_event_partitions(2);

create table query_feedback (
  id bigint generated always as identity primary key,
  query_id uuid not null,
  collection_id uuid not null references collections(id) on delete cascade,
  at timestamptz not null default now(),
  helpful boolean not null,
  document_id uuid,
  api_key_name text
);
create index query_feedback_collection_at on query_feedback (collection_id, at);

-- The key of the query hashes when ANALYTICS_HASH_KEY is not set: made once, per installation.
create table analytics_settings (
  id integer primary key check (id = 1),
  hash_key text not null
);
insert into analytics_settings (id, hash_key)
values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
