-- Audit retention: whole monthly partitions older than the retention are dropped (cheap, no
-- vacuum), and old rows that landed in the default partition are deleted. Returns what it dropped.
create or replace function drop_audit_partitions_older_than(months integer) returns setof text
language plpgsql as $$
declare
  cutoff date := (date_trunc('month', now()) - make_interval(months => months))::date;
  part record;
begin
  for part in
    select c.relname as name
    from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'audit_logs' and c.relname ~ '^audit_logs_[0-9]{4}_[0-9]{2}$'
  loop
    -- audit_logs_YYYY_MM holds that month: older than the cutoff month as a whole, it goes.
    if to_date(substr(part.name, 12), 'YYYY_MM') < cutoff then
      execute format('drop table %I', part.name);
      return next part.name;
    end if;
  end loop;
  delete from audit_logs_default where at < cutoff;
end;
$$;
