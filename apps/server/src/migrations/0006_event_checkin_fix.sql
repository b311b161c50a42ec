-- QR sign-in: the function's output columns (event_id, region_code) are also plpgsql variables,
-- which made the ON CONFLICT target ambiguous; columns win inside the function body.
CREATE OR REPLACE FUNCTION gaodi_event_checkin(p_token text, p_org text, p_attendee text, p_now timestamptz)
  RETURNS TABLE (event_id uuid, region_code text, participant_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
#variable_conflict use_column
DECLARE
  ev record;
  ent uuid;
  ins uuid;
BEGIN
  SELECT e.id, e.region_code INTO ev FROM matchmaking_events e
  WHERE e.checkin_token = p_token AND e.deleted_at IS NULL;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT x.id INTO ent FROM enterprises x
  WHERE x.name = p_org AND x.region_code = ev.region_code AND x.deleted_at IS NULL LIMIT 1;
  SELECT x.id INTO ins FROM institutes x
  WHERE x.name = p_org AND x.region_code = ev.region_code AND x.deleted_at IS NULL LIMIT 1;
  RETURN QUERY
    INSERT INTO event_participants AS p (region_code, event_id, party_kind, enterprise_id, institute_id, org_name,
                                         attended_at, attendee_name)
    VALUES (ev.region_code, ev.id,
            CASE WHEN ent IS NOT NULL THEN 'enterprise' WHEN ins IS NOT NULL THEN 'institute' ELSE 'other' END,
            ent, CASE WHEN ent IS NULL THEN ins END, p_org, p_now, p_attendee)
    ON CONFLICT (event_id, org_name) DO UPDATE
      SET attended_at = coalesce(p.attended_at, excluded.attended_at), attendee_name = excluded.attendee_name
    RETURNING p.event_id, p.region_code, p.id;
END
$$;
