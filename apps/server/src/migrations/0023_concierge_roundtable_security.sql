-- Concierge and round-table: own-organisation narrowing, the service station's narrow write path,
-- and the one reader of an office's time limits and working calendar.

-- Service requests: an enterprise user sees and writes only their enterprise's requests, an
-- institute partner their institute's; bureau roles the region's; administrators none.
CREATE POLICY service_requests_own_org ON service_requests AS RESTRICTIVE
  USING (CASE gaodi_role()
           WHEN 'enterprise' THEN enterprise_id::text = current_setting('gaodi.enterprise_id', true)
           WHEN 'institute' THEN institute_id::text = current_setting('gaodi.institute_id', true)
           ELSE gaodi_is_bureau_role() END);
--> statement-breakpoint
CREATE POLICY service_request_entries_request_visible ON service_request_entries AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM service_requests r WHERE r.id = request_id));
--> statement-breakpoint
CREATE POLICY service_transfers_bureau_only ON service_transfers AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY service_handoffs_bureau_only ON service_handoffs AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY service_time_limits_office ON service_time_limits AS RESTRICTIVE
  USING (gaodi_is_bureau_role() OR gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY working_calendar_days_office ON working_calendar_days AS RESTRICTIVE
  USING (gaodi_is_bureau_role() OR gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY roundtable_meetings_bureau_only ON roundtable_meetings AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY roundtable_items_bureau_only ON roundtable_items AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY roundtable_decisions_bureau_only ON roundtable_decisions AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS service_request_number_seq;
--> statement-breakpoint
-- The calendar of a region: its own days, else the nearest region above that loaded the day
-- (a city's calendar reaches its counties). Public facts (holidays), so the station may read them.
CREATE OR REPLACE FUNCTION gaodi_working_calendar(p_region text, p_from date, p_to date)
  RETURNS TABLE (day date, is_working boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  WITH RECURSIVE up(code, depth) AS (
    SELECT p_region, 0
    UNION ALL
    SELECT r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.code
    WHERE r.parent_code IS NOT NULL AND up.depth < 5
  )
  SELECT DISTINCT ON (w.day) w.day, w.is_working
  FROM working_calendar_days w JOIN up ON up.code = w.region_code
  WHERE w.day BETWEEN p_from AND p_to
  ORDER BY w.day, up.depth
$$;
--> statement-breakpoint
-- A region's time limit for a kind (no row: the caller's defaults apply).
CREATE OR REPLACE FUNCTION gaodi_service_time_limit(p_region text, p_kind text)
  RETURNS TABLE (accept_days integer, resolve_days integer, green_accept_days integer, green_resolve_days integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT l.accept_days, l.resolve_days, l.green_accept_days, l.green_resolve_days
  FROM service_time_limits l WHERE l.region_code = p_region AND l.kind = p_kind
$$;
--> statement-breakpoint
-- The service station (驿站): whoever has no account submits a request through this function and
-- gets back only the reference number. It reads nothing of any request but the one it wrote (a
-- repeated submit with the same key and phone answers the same number) and counts the phone's
-- requests of the last day to refuse floods.
CREATE OR REPLACE FUNCTION gaodi_station_submit(
  p_region text, p_kind text, p_title text, p_description text, p_name text,
  p_phone_enc text, p_phone_masked text, p_phone_hash text, p_key uuid, p_now timestamptz,
  p_accept_due date, p_resolve_due date, p_per_phone_per_day integer)
  RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  existing record;
  ref text;
  new_id uuid;
BEGIN
  IF NOT EXISTS (SELECT FROM regions WHERE code = p_region AND level = 'county') THEN
    RAISE EXCEPTION 'STATION_REGION' USING ERRCODE = 'P0002';
  END IF;
  SELECT number, phone_hash INTO existing FROM service_requests
  WHERE region_code = p_region AND idempotency_key = p_key;
  IF FOUND THEN
    IF existing.phone_hash IS DISTINCT FROM p_phone_hash THEN
      RAISE EXCEPTION 'STATION_KEY' USING ERRCODE = 'P0003';
    END IF;
    RETURN existing.number;
  END IF;
  IF (SELECT count(*) FROM service_requests
      WHERE phone_hash = p_phone_hash AND created_at > p_now - interval '1 day') >= p_per_phone_per_day THEN
    RAISE EXCEPTION 'STATION_LIMIT' USING ERRCODE = 'P0004';
  END IF;
  ref := format('SQ%s-%s', p_region, lpad(nextval('service_request_number_seq')::text, 6, '0'));
  INSERT INTO service_requests (region_code, number, title, description, kind, channel, stage,
    requester_name, phone_enc, phone_masked, phone_hash, accept_due_on, resolve_due_on,
    last_entry_on, idempotency_key, stage_changed_at, created_at)
  VALUES (p_region, ref, p_title, p_description, p_kind, 'station', 'submitted', p_name, p_phone_enc,
    p_phone_masked, p_phone_hash, p_accept_due, p_resolve_due, (p_now AT TIME ZONE 'Asia/Shanghai')::date,
    p_key, p_now, p_now)
  ON CONFLICT (region_code, idempotency_key) DO NOTHING
  RETURNING id INTO new_id;
  IF new_id IS NULL THEN
    RETURN (SELECT number FROM service_requests WHERE region_code = p_region AND idempotency_key = p_key);
  END IF;
  INSERT INTO service_request_entries (region_code, request_id, kind, text, at, actor_name)
  VALUES (p_region, new_id, 'created', '驿站提交诉求', p_now, p_name);
  RETURN ref;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION gaodi_station_submit(text, text, text, text, text, text, text, text, uuid, timestamptz, date, date, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION gaodi_station_submit(text, text, text, text, text, text, text, text, uuid, timestamptz, date, date, integer) TO gaodi_app;
