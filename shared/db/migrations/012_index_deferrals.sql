-- Tries that ended deferred (a dependency was unavailable) are counted apart from the others:
-- they set the backoff, and they do not count toward INDEX_MAX_ATTEMPTS, which bounds tries
-- that never finished (the process crashed or was killed during them). index_attempts counts
-- every try that started; the difference is the unfinished ones.
alter table documents add column if not exists index_deferrals integer not null default 0;
