-- API keys (issue 16): the one path that reads a key without a region context. Answers the key's
-- identity and visible regions only while it is neither revoked nor expired, and notes its last
-- use (at most once a minute per key, so a busy key does not write on every call).
CREATE OR REPLACE FUNCTION gaodi_apikey_resolve(p_hash text, p_now timestamptz)
  RETURNS TABLE (id uuid, name text, region_code text, role text, permissions text[],
                 rate_limit_per_minute integer, visible_regions text[])
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  UPDATE api_keys k SET last_used_at = p_now
  WHERE k.key_hash = p_hash AND k.revoked_at IS NULL AND k.expires_at > p_now
    AND (k.last_used_at IS NULL OR k.last_used_at < p_now - interval '1 minute');
  RETURN QUERY
    SELECT k.id, k.name, k.region_code, k.role, k.permissions, k.rate_limit_per_minute,
           gaodi_region_subtree(k.region_code)
    FROM api_keys k
    WHERE k.key_hash = p_hash AND k.revoked_at IS NULL AND k.expires_at > p_now;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION gaodi_apikey_resolve(text, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION gaodi_apikey_resolve(text, timestamptz) TO gaodi_app;
