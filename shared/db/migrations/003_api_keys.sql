-- API keys: only a SHA-256 of each key is stored; the key itself is shown once, at creation.
create table api_keys (
  id uuid primary key,
  name text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  -- The key's first characters, to tell keys apart in listings and logs without revealing them.
  key_prefix text not null,
  scopes text[] not null check (cardinality(scopes) > 0 and scopes <@ array['read', 'write', 'admin']),
  -- null: every collection; otherwise only these.
  collections uuid[],
  -- Per route class (query, upload, default): requests per RATE_LIMIT_WINDOW_S; absent = the default.
  rate_limits jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index api_keys_active on api_keys (key_hash) where revoked_at is null;
