-- The session behind a cookie without touching it (no write): used while a long transaction
-- holds the embedded database, where a request runs read-only (platform/db/long-transaction.ts).
-- Same answer as gaodi_session_resolve (0033) for a live session; an idle or disabled one gives no row.
CREATE FUNCTION gaodi_session_peek(p_id text, p_now timestamptz, p_idle_minutes integer)
  RETURNS TABLE (user_id uuid, username text, display_name text, role text, region_code text,
                 active_region_code text, csrf_token text, enterprise_id uuid, institute_id uuid,
                 visible_regions text[], must_change_password boolean, mfa_pending text, mfa_enabled boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT u.id, u.username, u.display_name, u.role, u.region_code, s.active_region_code, s.csrf_token,
         u.enterprise_id, u.institute_id, gaodi_region_subtree(s.active_region_code), u.must_change_password,
         s.mfa_pending, EXISTS (SELECT FROM user_mfa m WHERE m.user_id = u.id AND m.secret IS NOT NULL)
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = p_id AND NOT u.is_disabled
    AND s.last_seen_at >= p_now - make_interval(mins => p_idle_minutes)
$$;
