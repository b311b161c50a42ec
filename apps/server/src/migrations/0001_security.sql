-- Tenancy and roles in the database. The application runs every request as gaodi_app, a role
-- that owns no table, is no superuser and has no BYPASSRLS; the visible regions, the user and
-- the role are set per transaction (gaodi.regions, gaodi.user_id, gaodi.role, gaodi.enterprise_id,
-- gaodi.institute_id). No context → zero rows.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gaodi_app') THEN
    CREATE ROLE gaodi_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT gaodi_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO gaodi_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_visible(rc text) RETURNS boolean
  LANGUAGE sql STABLE AS
$$ SELECT rc = ANY (string_to_array(current_setting('gaodi.regions', true), ',')) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_role() RETURNS text
  LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('gaodi.role', true), '') $$;
--> statement-breakpoint
-- Secures every table that has a region_code column: RLS enabled and forced, the region policy,
-- and the application role's grants. Idempotent; run after every migration, so a table added by
-- any later migration is covered without anyone remembering to.
CREATE OR REPLACE FUNCTION gaodi_secure_tenant_tables() RETURNS void
  LANGUAGE plpgsql AS
$$
DECLARE t record;
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
  END LOOP;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO gaodi_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gaodi_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM gaodi_app;
  REVOKE ALL ON sessions FROM gaodi_app;
  REVOKE INSERT, UPDATE, DELETE ON regions FROM gaodi_app;
END
$$;
--> statement-breakpoint
-- Audit: anyone may append (a failed login has no region context yet); only audit admins read.
CREATE POLICY audit_append ON audit_log FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_read_only_by_auditor ON audit_log AS RESTRICTIVE FOR SELECT
  USING (gaodi_role() = 'auditadmin');
--> statement-breakpoint
-- Users read their own row even outside their region scope (e.g. after narrowing the region switcher).
CREATE POLICY users_self ON users FOR SELECT USING (id::text = current_setting('gaodi.user_id', true));
--> statement-breakpoint
-- Enterprise users see only their own enterprise; institute partners only their own institute.
CREATE POLICY enterprises_own_only ON enterprises AS RESTRICTIVE
  USING (gaodi_role() <> 'enterprise' OR id::text = current_setting('gaodi.enterprise_id', true));
--> statement-breakpoint
CREATE POLICY institutes_own_only ON institutes AS RESTRICTIVE
  USING (gaodi_role() <> 'institute' OR id::text = current_setting('gaodi.institute_id', true));
--> statement-breakpoint
CREATE POLICY experts_own_institute_only ON experts AS RESTRICTIVE
  USING (gaodi_role() <> 'institute' OR institute_id::text = current_setting('gaodi.institute_id', true));
--> statement-breakpoint
-- The subtree of a region (itself and every region below it).
CREATE OR REPLACE FUNCTION gaodi_region_subtree(p_root text) RETURNS text[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  WITH RECURSIVE r AS (
    SELECT code FROM regions WHERE code = p_root
    UNION ALL
    SELECT c.code FROM regions c JOIN r ON c.parent_code = r.code
  )
  SELECT coalesce(array_agg(code ORDER BY code), '{}') FROM r
$$;
--> statement-breakpoint
-- Login lookup: the one place a user row is read without a region context.
CREATE OR REPLACE FUNCTION gaodi_auth_find_user(p_username text)
  RETURNS TABLE (id uuid, region_code text, role text, display_name text, password_hash text,
                 failed_logins integer, locked_until timestamptz, is_disabled boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT id, region_code, role, display_name, password_hash, failed_logins, locked_until, is_disabled
  FROM users WHERE username = p_username
$$;
--> statement-breakpoint
-- Records a login attempt: success resets the counter; the n-th failure locks the account.
CREATE OR REPLACE FUNCTION gaodi_auth_record_attempt(p_user_id uuid, p_ok boolean, p_now timestamptz,
                                                      p_lock_after integer, p_lock_minutes integer)
  RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  UPDATE users SET
    failed_logins = CASE WHEN p_ok THEN 0 WHEN failed_logins + 1 >= p_lock_after THEN 0 ELSE failed_logins + 1 END,
    locked_until = CASE WHEN p_ok THEN NULL
                        WHEN failed_logins + 1 >= p_lock_after THEN p_now + make_interval(mins => p_lock_minutes)
                        ELSE locked_until END
  WHERE id = p_user_id
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_session_open(p_id text, p_user_id uuid, p_csrf text, p_now timestamptz)
  RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  INSERT INTO sessions (id, user_id, csrf_token, active_region_code, created_at, last_seen_at)
  SELECT p_id, u.id, p_csrf, u.region_code, p_now, p_now FROM users u WHERE u.id = p_user_id
$$;
--> statement-breakpoint
-- Resolves a session: ends it when idle too long or the user is disabled; otherwise touches it
-- and returns who the user is and which regions they see now.
CREATE OR REPLACE FUNCTION gaodi_session_resolve(p_id text, p_now timestamptz, p_idle_minutes integer)
  RETURNS TABLE (user_id uuid, username text, display_name text, role text, region_code text,
                 active_region_code text, csrf_token text, enterprise_id uuid, institute_id uuid,
                 visible_regions text[])
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  DELETE FROM sessions s USING users u
  WHERE s.id = p_id AND u.id = s.user_id
    AND (u.is_disabled OR s.last_seen_at < p_now - make_interval(mins => p_idle_minutes));
  UPDATE sessions SET last_seen_at = p_now WHERE id = p_id;
  RETURN QUERY
    SELECT u.id, u.username, u.display_name, u.role, u.region_code, s.active_region_code, s.csrf_token,
           u.enterprise_id, u.institute_id, gaodi_region_subtree(s.active_region_code)
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = p_id;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_session_close(p_id text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$ DELETE FROM sessions WHERE id = p_id $$;
--> statement-breakpoint
-- Disabling a user or changing their password or role ends their sessions at once.
CREATE OR REPLACE FUNCTION gaodi_users_end_sessions() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF NEW.is_disabled OR NEW.password_hash <> OLD.password_hash OR NEW.role <> OLD.role THEN
    DELETE FROM sessions WHERE user_id = NEW.id;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_end_sessions AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION gaodi_users_end_sessions();
--> statement-breakpoint
-- Narrows (or widens back) the session's region within the user's own subtree.
CREATE OR REPLACE FUNCTION gaodi_session_switch_region(p_id text, p_region text) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE ok boolean;
BEGIN
  SELECT p_region = ANY (gaodi_region_subtree(u.region_code)) INTO ok
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = p_id;
  IF ok THEN UPDATE sessions SET active_region_code = p_region WHERE id = p_id; END IF;
  RETURN coalesce(ok, false);
END
$$;
--> statement-breakpoint
-- Only the system admin creates accounts; the system and security admins change them; nobody deletes.
CREATE POLICY users_insert_by_sysadmin ON users AS RESTRICTIVE FOR INSERT WITH CHECK (gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY users_update_by_admins ON users AS RESTRICTIVE FOR UPDATE USING (gaodi_role() IN ('sysadmin', 'secadmin'));
--> statement-breakpoint
CREATE POLICY users_never_deleted ON users AS RESTRICTIVE FOR DELETE USING (false);
