-- Forced row-level security applies to the tables' owner too. The owner connection works across
-- regions by design (migrations, demo data, scheduled jobs, the SECURITY DEFINER sign-in
-- functions); where it is a superuser it bypasses RLS, but on a PostgreSQL whose owner is an
-- ordinary role (a managed database) it would see and write nothing. So the owner gets one
-- permissive policy per tenant table, and every restrictive policy is narrowed to gaodi_app, the
-- role every request runs as. Done in gaodi_secure_tenant_tables(), which runs after every
-- migration, so later tables and policies are covered without anyone remembering to.
--
-- A policy for gaodi_app also binds every role that inherits gaodi_app's privileges, and the owner
-- is a member (it must be, to SET ROLE gaodi_app). So the owner reaches gaodi_app through a NOINHERIT
-- gate role: still a member (SET ROLE works), no longer inheriting (gaodi_app's policies skip it).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gaodi_gate') THEN
    CREATE ROLE gaodi_gate NOLOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT gaodi_app TO gaodi_gate;
--> statement-breakpoint
GRANT gaodi_gate TO CURRENT_USER;
--> statement-breakpoint
REVOKE gaodi_app FROM CURRENT_USER;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_secure_tenant_tables() RETURNS void
  LANGUAGE plpgsql AS
$$
DECLARE t record;
DECLARE p record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'region_code' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    IF NOT EXISTS (SELECT FROM pg_policies WHERE tablename = t.relname AND policyname = 'tenant_region') THEN
      EXECUTE format(
        'CREATE POLICY tenant_region ON %I USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code))',
        t.relname);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_policies WHERE tablename = t.relname AND policyname = 'owner_all') THEN
      EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t.relname, current_user);
    END IF;
  END LOOP;
  FOR p IN
    SELECT tablename, policyname FROM pg_policies
    WHERE schemaname = 'public' AND permissive = 'RESTRICTIVE' AND roles = '{public}'::name[]
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I TO gaodi_app', p.policyname, p.tablename);
  END LOOP;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO gaodi_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gaodi_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM gaodi_app;
  REVOKE ALL ON sessions FROM gaodi_app;
  REVOKE INSERT, UPDATE, DELETE ON regions FROM gaodi_app;
END
$$;
