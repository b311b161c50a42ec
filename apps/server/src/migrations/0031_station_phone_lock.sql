-- The station's per-phone daily limit holds under concurrent submits on PostgreSQL (issue 11):
-- gaodi_station_submit takes a transaction-scoped advisory lock on the phone's keyed hash before
-- counting. Same signature, grants unchanged.
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
  -- One submit per phone at a time: without it two concurrent submits would both count below the
  -- limit (READ COMMITTED) and both insert. The count below then sees the other's committed row.
  PERFORM pg_advisory_xact_lock(hashtext('gaodi_station_phone:' || p_phone_hash));
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
