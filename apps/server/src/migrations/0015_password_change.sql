-- Passwords: the session tells whether its user must change an initial or reset password first,
-- and a user changes their own password through one SECURITY DEFINER function (the application
-- role may not update users rows otherwise). Changing it ends the user's other sessions, not the
-- one that changed it.
DROP FUNCTION IF EXISTS gaodi_session_resolve(text, timestamptz, integer);
--> statement-breakpoint
CREATE FUNCTION gaodi_session_resolve(p_id text, p_now timestamptz, p_idle_minutes integer)
  RETURNS TABLE (user_id uuid, username text, display_name text, role text, region_code text,
                 active_region_code text, csrf_token text, enterprise_id uuid, institute_id uuid,
                 visible_regions text[], must_change_password boolean)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  DELETE FROM sessions s USING users u
  WHERE s.id = p_id AND u.id = s.user_id
    AND (u.is_disabled OR s.last_seen_at < p_now - make_interval(mins => p_idle_minutes));
  UPDATE sessions SET last_seen_at = p_now WHERE id = p_id;
  RETURN QUERY
    SELECT u.id, u.username, u.display_name, u.role, u.region_code, s.active_region_code, s.csrf_token,
           u.enterprise_id, u.institute_id, gaodi_region_subtree(s.active_region_code), u.must_change_password
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = p_id;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_users_end_sessions() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF NEW.is_disabled OR NEW.password_hash <> OLD.password_hash OR NEW.role <> OLD.role THEN
    DELETE FROM sessions WHERE user_id = NEW.id
      AND id IS DISTINCT FROM nullif(current_setting('gaodi.keep_session', true), '');
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- The signed-in user (gaodi.user_id) sets their own new password; the caller has checked the
-- current one and the policy. Returns false when the session is not the user's.
CREATE OR REPLACE FUNCTION gaodi_auth_set_own_password(p_session text, p_hash text, p_history text[],
                                                       p_now timestamptz)
  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE me uuid := nullif(current_setting('gaodi.user_id', true), '')::uuid;
BEGIN
  IF me IS NULL OR NOT EXISTS (SELECT FROM sessions WHERE id = p_session AND user_id = me) THEN
    RETURN false;
  END IF;
  PERFORM set_config('gaodi.keep_session', p_session, true);
  UPDATE users SET password_hash = p_hash, password_history = p_history, must_change_password = false,
                   password_changed_at = p_now
  WHERE id = me;
  PERFORM set_config('gaodi.keep_session', '', true);
  RETURN true;
END
$$;
--> statement-breakpoint
-- The signed-in user's own password hash and history (for checking the current password and reuse).
CREATE OR REPLACE FUNCTION gaodi_auth_own_password()
  RETURNS TABLE (username text, password_hash text, password_history text[])
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT username, password_hash, password_history FROM users
  WHERE id = nullif(current_setting('gaodi.user_id', true), '')::uuid
$$;
