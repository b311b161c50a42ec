-- 三员 separation of duties in the database, the lockout per account and client address.
--
-- account_rules is packages/contracts ACCOUNT_RULES (a test checks both agree): which role may
-- create, update, disable, enable, unlock or reset the password of which role's accounts, and
-- which administrator role must approve (two-person rule). The application role reads it only.
ALTER TABLE account_rules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY account_rules_read ON account_rules FOR SELECT TO gaodi_app USING (true);
--> statement-breakpoint
INSERT INTO account_rules (actor_role, target_role, action, approver_role) VALUES
  ('sysadmin', 'staff', 'create', NULL),
  ('sysadmin', 'staff', 'update', NULL),
  ('sysadmin', 'staff', 'disable', NULL),
  ('sysadmin', 'staff', 'enable', NULL),
  ('sysadmin', 'staff', 'reset_password', NULL),
  ('sysadmin', 'taskforce_lead', 'create', NULL),
  ('sysadmin', 'taskforce_lead', 'update', NULL),
  ('sysadmin', 'taskforce_lead', 'disable', NULL),
  ('sysadmin', 'taskforce_lead', 'enable', NULL),
  ('sysadmin', 'taskforce_lead', 'reset_password', NULL),
  ('sysadmin', 'helper', 'create', NULL),
  ('sysadmin', 'helper', 'update', NULL),
  ('sysadmin', 'helper', 'disable', NULL),
  ('sysadmin', 'helper', 'enable', NULL),
  ('sysadmin', 'helper', 'reset_password', NULL),
  ('sysadmin', 'leader', 'create', NULL),
  ('sysadmin', 'leader', 'update', NULL),
  ('sysadmin', 'leader', 'disable', NULL),
  ('sysadmin', 'leader', 'enable', NULL),
  ('sysadmin', 'leader', 'reset_password', NULL),
  ('sysadmin', 'enterprise', 'create', NULL),
  ('sysadmin', 'enterprise', 'update', NULL),
  ('sysadmin', 'enterprise', 'disable', NULL),
  ('sysadmin', 'enterprise', 'enable', NULL),
  ('sysadmin', 'enterprise', 'reset_password', NULL),
  ('sysadmin', 'institute', 'create', NULL),
  ('sysadmin', 'institute', 'update', NULL),
  ('sysadmin', 'institute', 'disable', NULL),
  ('sysadmin', 'institute', 'enable', NULL),
  ('sysadmin', 'institute', 'reset_password', NULL),
  ('sysadmin', 'sysadmin', 'create', 'secadmin'),
  ('sysadmin', 'sysadmin', 'update', 'secadmin'),
  ('sysadmin', 'sysadmin', 'disable', 'secadmin'),
  ('sysadmin', 'sysadmin', 'enable', 'secadmin'),
  ('sysadmin', 'sysadmin', 'reset_password', 'secadmin'),
  ('sysadmin', 'secadmin', 'create', 'secadmin'),
  ('sysadmin', 'secadmin', 'update', 'secadmin'),
  ('sysadmin', 'secadmin', 'enable', 'secadmin'),
  ('sysadmin', 'secadmin', 'reset_password', 'secadmin'),
  ('sysadmin', 'auditadmin', 'create', 'secadmin'),
  ('sysadmin', 'auditadmin', 'update', 'secadmin'),
  ('sysadmin', 'auditadmin', 'enable', 'secadmin'),
  ('sysadmin', 'auditadmin', 'reset_password', 'secadmin'),
  ('secadmin', 'staff', 'disable', NULL),
  ('secadmin', 'staff', 'enable', NULL),
  ('secadmin', 'staff', 'unlock', NULL),
  ('secadmin', 'staff', 'reset_password', NULL),
  ('secadmin', 'taskforce_lead', 'disable', NULL),
  ('secadmin', 'taskforce_lead', 'enable', NULL),
  ('secadmin', 'taskforce_lead', 'unlock', NULL),
  ('secadmin', 'taskforce_lead', 'reset_password', NULL),
  ('secadmin', 'helper', 'disable', NULL),
  ('secadmin', 'helper', 'enable', NULL),
  ('secadmin', 'helper', 'unlock', NULL),
  ('secadmin', 'helper', 'reset_password', NULL),
  ('secadmin', 'leader', 'disable', NULL),
  ('secadmin', 'leader', 'enable', NULL),
  ('secadmin', 'leader', 'unlock', NULL),
  ('secadmin', 'leader', 'reset_password', NULL),
  ('secadmin', 'enterprise', 'disable', NULL),
  ('secadmin', 'enterprise', 'enable', NULL),
  ('secadmin', 'enterprise', 'unlock', NULL),
  ('secadmin', 'enterprise', 'reset_password', NULL),
  ('secadmin', 'institute', 'disable', NULL),
  ('secadmin', 'institute', 'enable', NULL),
  ('secadmin', 'institute', 'unlock', NULL),
  ('secadmin', 'institute', 'reset_password', NULL),
  ('secadmin', 'sysadmin', 'unlock', NULL),
  ('secadmin', 'secadmin', 'disable', 'sysadmin'),
  ('secadmin', 'secadmin', 'enable', 'sysadmin'),
  ('secadmin', 'secadmin', 'reset_password', 'sysadmin'),
  ('secadmin', 'auditadmin', 'disable', 'sysadmin'),
  ('secadmin', 'auditadmin', 'enable', 'sysadmin'),
  ('secadmin', 'auditadmin', 'reset_password', 'sysadmin');
--> statement-breakpoint
-- Enabled accounts of a role across every region (the last one of an administrator role stays).
CREATE OR REPLACE FUNCTION gaodi_enabled_accounts(p_role text, p_except uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT count(*)::int FROM users WHERE role = p_role AND NOT is_disabled AND id IS DISTINCT FROM p_except $$;
--> statement-breakpoint
-- Every change to an account by a request is checked against account_rules with the acting role
-- of the request context (gaodi.role), or, when it applies an approved two-person request
-- (gaodi.account_request), with the requester's role: that request must be approved by the acting
-- user, who is not its requester. Nobody changes their own account here (their password goes
-- through gaodi_auth_set_own_password). The last enabled account of each administrator role can
-- be neither disabled nor given another role, whoever asks.
CREATE OR REPLACE FUNCTION gaodi_users_guard() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public AS
$$
DECLARE
  v_role text := gaodi_role();
  v_user text := coalesce(current_setting('gaodi.user_id', true), '');
  v_request text := coalesce(current_setting('gaodi.account_request', true), '');
  v_req record;
  v_rule record;
  v_actions text[] := '{}';
  v_action text;
  v_target text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.role IN ('sysadmin', 'secadmin', 'auditadmin') AND NOT OLD.is_disabled
     AND (NEW.is_disabled OR NEW.role <> OLD.role) THEN
    PERFORM pg_advisory_xact_lock(72430002);
    IF gaodi_enabled_accounts(OLD.role, OLD.id) = 0 THEN
      RAISE EXCEPTION 'the last enabled % account stays enabled', OLD.role USING ERRCODE = '42501';
    END IF;
  END IF;
  IF current_user <> 'gaodi_app' THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    v_actions := ARRAY['create'];
  ELSE
    IF NEW.is_disabled AND NOT OLD.is_disabled THEN v_actions := v_actions || 'disable'::text; END IF;
    IF OLD.is_disabled AND NOT NEW.is_disabled THEN v_actions := v_actions || 'enable'::text; END IF;
    IF (NEW.password_hash, NEW.must_change_password, NEW.password_history)
       IS DISTINCT FROM (OLD.password_hash, OLD.must_change_password, OLD.password_history) THEN
      v_actions := v_actions || 'reset_password'::text;
    END IF;
    IF (NEW.username, NEW.display_name, NEW.role, NEW.region_code, NEW.phone, NEW.enterprise_id, NEW.institute_id)
       IS DISTINCT FROM (OLD.username, OLD.display_name, OLD.role, OLD.region_code, OLD.phone, OLD.enterprise_id, OLD.institute_id) THEN
      v_actions := v_actions || 'update'::text;
    END IF;
    IF (NEW.failed_logins, NEW.locked_until) IS DISTINCT FROM (OLD.failed_logins, OLD.locked_until)
       AND NOT 'reset_password' = ANY (v_actions) THEN
      v_actions := v_actions || 'unlock'::text;
    END IF;
    IF cardinality(v_actions) > 0 AND OLD.id::text = v_user THEN
      RAISE EXCEPTION 'nobody changes their own account here' USING ERRCODE = '42501';
    END IF;
  END IF;
  IF v_request <> '' THEN
    SELECT * INTO v_req FROM account_requests r
    WHERE r.id::text = v_request AND r.status = 'approved' AND r.decided_by::text = v_user
      AND r.requested_by::text <> v_user AND r.approver_role = v_role;
    IF NOT FOUND
       OR (TG_OP = 'UPDATE' AND v_req.target_user_id IS DISTINCT FROM NEW.id)
       OR (TG_OP = 'INSERT' AND v_req.target_username <> NEW.username) THEN
      RAISE EXCEPTION 'no approved request for this change' USING ERRCODE = '42501';
    END IF;
    v_role := v_req.requester_role;
  END IF;
  FOREACH v_action IN ARRAY v_actions LOOP
    FOREACH v_target IN ARRAY (CASE WHEN TG_OP = 'INSERT' THEN ARRAY[NEW.role] ELSE ARRAY[OLD.role, NEW.role] END) LOOP
      SELECT * INTO v_rule FROM account_rules
      WHERE actor_role = v_role AND target_role = v_target AND action = v_action;
      IF NOT FOUND THEN
        RAISE EXCEPTION '% may not % a % account', v_role, v_action, v_target USING ERRCODE = '42501';
      END IF;
      IF v_rule.approver_role IS NOT NULL AND v_request = ''
         AND gaodi_enabled_accounts(v_rule.approver_role, NULL) > 0 THEN
        RAISE EXCEPTION '% of a % account needs a second administrator', v_action, v_target USING ERRCODE = '42501';
      END IF;
    END LOOP;
  END LOOP;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_guard BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION gaodi_users_guard();
--> statement-breakpoint
-- The administrators create accounts (which ones: the trigger above); nobody else.
DROP POLICY IF EXISTS users_insert_by_sysadmin ON users;
--> statement-breakpoint
CREATE POLICY users_insert_by_admins ON users AS RESTRICTIVE FOR INSERT TO gaodi_app
  WITH CHECK (gaodi_role() IN ('sysadmin', 'secadmin'));
--> statement-breakpoint
-- Two-person requests: the administrators read them; a requester files one only as themselves
-- with an approver role account_rules names for them and that action (the trigger on users checks
-- the roles involved again when the approved change applies); only an administrator of that role who is not the
-- requester decides it, once, as themselves; nobody deletes one.
CREATE POLICY account_requests_admins_read ON account_requests AS RESTRICTIVE FOR SELECT TO gaodi_app
  USING (gaodi_role() IN ('sysadmin', 'secadmin'));
--> statement-breakpoint
CREATE POLICY account_requests_filed_as_self ON account_requests AS RESTRICTIVE FOR INSERT TO gaodi_app
  WITH CHECK (
    status = 'pending' AND decided_by IS NULL
    AND requested_by::text = current_setting('gaodi.user_id', true) AND requester_role = gaodi_role()
    AND approver_role IN (SELECT r.approver_role FROM account_rules r
                          WHERE r.actor_role = gaodi_role() AND r.action = account_requests.action));
--> statement-breakpoint
CREATE POLICY account_requests_decided_by_other ON account_requests AS RESTRICTIVE FOR UPDATE TO gaodi_app
  USING (status = 'pending' AND approver_role = gaodi_role()
         AND requested_by::text <> current_setting('gaodi.user_id', true))
  WITH CHECK (status IN ('approved', 'rejected') AND decided_by::text = current_setting('gaodi.user_id', true));
--> statement-breakpoint
CREATE POLICY account_requests_never_deleted ON account_requests AS RESTRICTIVE FOR DELETE TO gaodi_app
  USING (false);
--> statement-breakpoint
-- Deciding changes the decision only, never what was asked.
CREATE OR REPLACE FUNCTION gaodi_account_requests_frozen() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF (NEW.action, NEW.target_user_id, NEW.target_username, NEW.target_role, NEW.payload, NEW.requested_by,
      NEW.requester_role, NEW.approver_role, NEW.region_code, NEW.requested_at)
     IS DISTINCT FROM (OLD.action, OLD.target_user_id, OLD.target_username, OLD.target_role, OLD.payload,
      OLD.requested_by, OLD.requester_role, OLD.approver_role, OLD.region_code, OLD.requested_at) THEN
    RAISE EXCEPTION 'a request is decided, not changed' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER account_requests_frozen BEFORE UPDATE ON account_requests FOR EACH ROW
  EXECUTE FUNCTION gaodi_account_requests_frozen();
--> statement-breakpoint
-- Lockout per (username, client address), whether or not the username exists: reached only
-- through the functions below (RLS on, no policy for the application role).
ALTER TABLE login_throttle ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_auth_throttle_until(p_username text, p_address text) RETURNS timestamptz
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT locked_until FROM login_throttle WHERE username = p_username AND client_address = p_address $$;
--> statement-breakpoint
-- A failed sign-in: from the p_after-th consecutive failure on, sign-in from this address for this
-- username pauses p_base_minutes × 2^(n − p_after), at most p_max_minutes. The count starts again a
-- day after the last lock ended (or the last failure). A lock of a real account shows in the user
-- list and tells its owner in the inbox. Returns the lock's end, or null.
CREATE OR REPLACE FUNCTION gaodi_auth_throttle_fail(p_username text, p_address text, p_now timestamptz,
                                                    p_after integer, p_base_minutes integer, p_max_minutes integer)
  RETURNS timestamptz LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  n integer;
  v_until timestamptz;
  v_minutes integer;
  v_user record;
BEGIN
  INSERT INTO login_throttle AS t (username, client_address, failures, locked_until, last_failure_at)
  VALUES (p_username, p_address, 1, NULL, p_now)
  ON CONFLICT (username, client_address) DO UPDATE SET
    failures = CASE WHEN coalesce(t.locked_until, t.last_failure_at) < p_now - interval '24 hours' THEN 1
                    ELSE t.failures + 1 END,
    last_failure_at = p_now
  RETURNING t.failures INTO n;
  IF n < p_after THEN RETURN NULL; END IF;
  v_minutes := least(p_max_minutes::numeric, p_base_minutes * power(2::numeric, least(n - p_after, 30)))::integer;
  v_until := p_now + make_interval(mins => v_minutes);
  UPDATE login_throttle SET locked_until = v_until WHERE username = p_username AND client_address = p_address;
  SELECT id, region_code INTO v_user FROM users WHERE username = p_username;
  IF FOUND THEN
    UPDATE users SET locked_until = greatest(coalesce(locked_until, v_until), v_until) WHERE id = v_user.id;
    INSERT INTO notifications (region_code, user_id, kind, title, body, link, created_at)
    VALUES (v_user.region_code, v_user.id, 'login_locked',
            '登录失败次数过多：来自 ' || p_address || ' 的登录已暂停 ' || v_minutes || ' 分钟',
            '如果不是您本人在尝试登录，请联系安全管理员。', NULL, p_now);
  END IF;
  IF random() < 0.01 THEN
    DELETE FROM login_throttle
    WHERE coalesce(locked_until, last_failure_at) < p_now - interval '3 days';
  END IF;
  RETURN v_until;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_auth_throttle_clear(p_username text, p_address text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$ DELETE FROM login_throttle WHERE username = p_username AND client_address = p_address $$;
--> statement-breakpoint
-- 解锁: clears every address's lock of an account, for a role account_rules lets unlock it.
CREATE OR REPLACE FUNCTION gaodi_auth_unlock(p_user uuid) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_user record;
BEGIN
  SELECT id, username, role INTO v_user FROM users WHERE id = p_user AND gaodi_visible(region_code);
  IF NOT FOUND OR v_user.id::text = current_setting('gaodi.user_id', true) OR NOT EXISTS (
    SELECT FROM account_rules WHERE actor_role = gaodi_role() AND target_role = v_user.role AND action = 'unlock'
  ) THEN
    RETURN false;
  END IF;
  DELETE FROM login_throttle WHERE username = v_user.username;
  UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = p_user;
  RETURN true;
END
$$;
