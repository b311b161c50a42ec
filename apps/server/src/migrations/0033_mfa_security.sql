-- Two-step sign-in (TOTP). user_mfa has RLS on and no policy for gaodi_app (like login_throttle):
-- requests reach it only through the SECURITY DEFINER functions below, each bound to the
-- request's own session (sessions are unreadable to gaodi_app, so a session id cannot be guessed
-- from SQL). Codes are checked in the application (it holds the key that opens the secret); the
-- database keeps the state: which steps were used, the recovery-code hashes, failures and pauses.
ALTER TABLE sessions ADD CONSTRAINT sessions_mfa_pending_check CHECK (mfa_pending IN ('code', 'enrol'));
--> statement-breakpoint
DROP FUNCTION IF EXISTS gaodi_session_open(text, uuid, text, timestamptz);
--> statement-breakpoint
-- A new session owes its second step when the user has one ('code'), or must set one up first
-- when the role requires it ('enrol').
CREATE FUNCTION gaodi_session_open(p_id text, p_user_id uuid, p_csrf text, p_now timestamptz,
                                   p_mfa_required boolean)
  RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_pending text;
BEGIN
  v_pending := CASE
    WHEN EXISTS (SELECT FROM user_mfa WHERE user_id = p_user_id AND secret IS NOT NULL) THEN 'code'
    WHEN p_mfa_required THEN 'enrol' END;
  INSERT INTO sessions (id, user_id, csrf_token, active_region_code, created_at, last_seen_at, mfa_pending)
  SELECT p_id, u.id, p_csrf, u.region_code, p_now, p_now, v_pending FROM users u WHERE u.id = p_user_id;
  RETURN v_pending;
END
$$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS gaodi_session_resolve(text, timestamptz, integer);
--> statement-breakpoint
CREATE FUNCTION gaodi_session_resolve(p_id text, p_now timestamptz, p_idle_minutes integer)
  RETURNS TABLE (user_id uuid, username text, display_name text, role text, region_code text,
                 active_region_code text, csrf_token text, enterprise_id uuid, institute_id uuid,
                 visible_regions text[], must_change_password boolean, mfa_pending text, mfa_enabled boolean)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  DELETE FROM sessions s USING users u
  WHERE s.id = p_id AND u.id = s.user_id
    AND (u.is_disabled OR s.last_seen_at < p_now - make_interval(mins => p_idle_minutes));
  UPDATE sessions SET last_seen_at = p_now WHERE id = p_id;
  RETURN QUERY
    SELECT u.id, u.username, u.display_name, u.role, u.region_code, s.active_region_code, s.csrf_token,
           u.enterprise_id, u.institute_id, gaodi_region_subtree(s.active_region_code), u.must_change_password,
           s.mfa_pending, EXISTS (SELECT FROM user_mfa m WHERE m.user_id = u.id AND m.secret IS NOT NULL)
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = p_id;
END
$$;
--> statement-breakpoint
-- The request's own session and user: the session must belong to gaodi.user_id.
CREATE OR REPLACE FUNCTION gaodi_mfa_session_user(p_session text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT user_id FROM sessions
  WHERE id = p_session AND user_id = nullif(current_setting('gaodi.user_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_mfa_own(p_session text)
  RETURNS TABLE (secret text, pending_secret text, used_steps bigint[], recovery_left integer,
                 failures integer, paused_until timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT m.secret, m.pending_secret, m.used_steps, cardinality(m.recovery_hashes), m.failures, m.paused_until
  FROM user_mfa m WHERE m.user_id = gaodi_mfa_session_user(p_session)
$$;
--> statement-breakpoint
-- Keeps a new secret for enrolment (until a code confirms it). Not while one is confirmed: a
-- confirmed secret is replaced only after the security admin resets it.
CREATE OR REPLACE FUNCTION gaodi_mfa_begin(p_session text, p_secret text) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_user uuid := gaodi_mfa_session_user(p_session);
BEGIN
  IF v_user IS NULL OR EXISTS (SELECT FROM sessions WHERE id = p_session AND mfa_pending = 'code')
     OR EXISTS (SELECT FROM user_mfa WHERE user_id = v_user AND secret IS NOT NULL) THEN
    RETURN false;
  END IF;
  INSERT INTO user_mfa AS m (user_id, pending_secret) VALUES (v_user, p_secret)
  ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret;
  RETURN true;
END
$$;
--> statement-breakpoint
-- A code for the pending secret was right: it becomes the secret, with fresh recovery codes; this
-- session has passed its second step and the user's other sessions end (they signed in without it).
CREATE OR REPLACE FUNCTION gaodi_mfa_confirm(p_session text, p_step bigint, p_recovery text[], p_now timestamptz)
  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_user uuid := gaodi_mfa_session_user(p_session);
BEGIN
  UPDATE user_mfa SET secret = pending_secret, pending_secret = NULL, enabled_at = p_now,
         used_steps = ARRAY[p_step], recovery_hashes = p_recovery, failures = 0, paused_until = NULL
  WHERE user_id = v_user AND pending_secret IS NOT NULL AND secret IS NULL;
  IF NOT FOUND THEN RETURN false; END IF;
  UPDATE sessions SET mfa_pending = NULL WHERE id = p_session;
  DELETE FROM sessions WHERE user_id = v_user AND id <> p_session;
  RETURN true;
END
$$;
--> statement-breakpoint
-- The second step passed, with a code of time step p_step (accepted once) or a recovery code
-- (its hash, used once). False when the step was used already or the recovery code is unknown.
CREATE OR REPLACE FUNCTION gaodi_mfa_pass(p_session text, p_step bigint, p_recovery_hash text)
  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_user uuid := gaodi_mfa_session_user(p_session);
BEGIN
  IF p_step IS NOT NULL THEN
    UPDATE user_mfa SET used_steps = (ARRAY[p_step] || used_steps)[1:5], failures = 0, paused_until = NULL
    WHERE user_id = v_user AND secret IS NOT NULL AND NOT (p_step = ANY (used_steps));
  ELSE
    UPDATE user_mfa SET recovery_hashes = array_remove(recovery_hashes, p_recovery_hash), failures = 0,
           paused_until = NULL
    WHERE user_id = v_user AND secret IS NOT NULL AND p_recovery_hash = ANY (recovery_hashes);
  END IF;
  IF NOT FOUND THEN RETURN false; END IF;
  UPDATE sessions SET mfa_pending = NULL WHERE id = p_session;
  RETURN true;
END
$$;
--> statement-breakpoint
-- A wrong code: after p_after failures in a row the second step pauses for p_base minutes,
-- doubling with every further failure up to p_max. Returns the pause's end (or null).
CREATE OR REPLACE FUNCTION gaodi_mfa_fail(p_session text, p_now timestamptz, p_after integer,
                                          p_base integer, p_max integer)
  RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_user uuid := gaodi_mfa_session_user(p_session);
DECLARE v_failures integer;
DECLARE v_until timestamptz;
BEGIN
  IF v_user IS NULL THEN RETURN NULL; END IF;
  INSERT INTO user_mfa AS m (user_id, failures) VALUES (v_user, 1)
  ON CONFLICT (user_id) DO UPDATE SET failures = m.failures + 1
  RETURNING failures INTO v_failures;
  IF v_failures >= p_after THEN
    v_until := p_now + make_interval(mins => least(p_max, p_base * (2 ^ least(v_failures - p_after, 20))::integer));
    UPDATE user_mfa SET paused_until = v_until WHERE user_id = v_user;
  END IF;
  RETURN v_until;
END
$$;
--> statement-breakpoint
-- New recovery codes for the signed-in user (the old ones stop working).
CREATE OR REPLACE FUNCTION gaodi_mfa_new_recovery(p_session text, p_recovery text[]) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  UPDATE user_mfa SET recovery_hashes = p_recovery
  WHERE user_id = gaodi_mfa_session_user(p_session) AND secret IS NOT NULL
    AND NOT EXISTS (SELECT FROM sessions WHERE id = p_session AND mfa_pending IS NOT NULL);
  RETURN FOUND;
END
$$;
--> statement-breakpoint
-- The security admin resets another user's two-step sign-in (lost phone): the secret and codes
-- go, the user's sessions end, and the next sign-in sets it up again (forced for the roles that
-- require it). Only a security admin whose passed session is the request's, on a user it sees.
CREATE OR REPLACE FUNCTION gaodi_mfa_reset(p_session text, p_user uuid) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_me uuid := gaodi_mfa_session_user(p_session);
BEGIN
  IF v_me IS NULL OR v_me = p_user OR gaodi_role() <> 'secadmin'
     OR (SELECT role FROM users WHERE id = v_me) <> 'secadmin'
     OR EXISTS (SELECT FROM sessions WHERE id = p_session AND mfa_pending IS NOT NULL)
     OR NOT EXISTS (SELECT FROM users WHERE id = p_user AND gaodi_visible(region_code)) THEN
    RETURN false;
  END IF;
  DELETE FROM user_mfa WHERE user_id = p_user;
  DELETE FROM sessions WHERE user_id = p_user;
  RETURN true;
END
$$;
--> statement-breakpoint
-- Which of the given users have two-step sign-in (for the users list).
CREATE OR REPLACE FUNCTION gaodi_mfa_enabled_users() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT m.user_id FROM user_mfa m JOIN users u ON u.id = m.user_id
  WHERE m.secret IS NOT NULL AND gaodi_visible(u.region_code)
    AND gaodi_role() IN ('sysadmin', 'secadmin')
$$;
