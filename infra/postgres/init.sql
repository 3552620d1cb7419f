-- First-boot setup of the Compose database (the schema itself comes from `npm run migrate`).
-- The role's own default timeout holds behind PgBouncer, where startup parameters are dropped.
alter role current_user set statement_timeout = '30s';
