-- A document whose indexing hit an unavailable dependency (object store, vector store, embedder,
-- an open circuit breaker) goes back to pending with a time before which no worker claims it:
-- an outage is waited out with backoff instead of failing every document that met it.
alter table documents add column if not exists index_retry_at timestamptz;
