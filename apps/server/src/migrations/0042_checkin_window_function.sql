-- QR sign-in only inside the event's sign-in window (checkin_windows, else 2 h before the event's day
-- begins to the end of that day, China time) and once per device and event (issue 10, issue 9).
-- A refusal comes back as `refusal` with the window, so the page can say when sign-in is open.
DROP FUNCTION IF EXISTS gaodi_event_checkin(text, text, text, timestamptz);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_event_checkin_window(p_event uuid)
  RETURNS TABLE (opens_at timestamptz, closes_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT (e.held_on::text || ' 00:00+08')::timestamptz - make_interval(hours => coalesce(w.opens_hours_before, 2)),
         ((e.held_on + 1)::text || ' 00:00+08')::timestamptz + make_interval(hours => coalesce(w.closes_hours_after, 0))
  FROM matchmaking_events e LEFT JOIN checkin_windows w ON w.region_code = e.region_code
  WHERE e.id = p_event
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_event_checkin(p_token text, p_org text, p_attendee text, p_now timestamptz,
                                               p_device text)
  RETURNS TABLE (event_id uuid, region_code text, participant_id uuid, refusal text, opens_at timestamptz,
                 closes_at timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
#variable_conflict use_column
DECLARE
  ev record;
  win record;
  ent uuid;
  ins uuid;
BEGIN
  SELECT e.id, e.region_code INTO ev FROM matchmaking_events e
  WHERE e.checkin_token = p_token AND e.deleted_at IS NULL;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT * INTO win FROM gaodi_event_checkin_window(ev.id);
  IF p_now < win.opens_at OR p_now >= win.closes_at THEN
    RETURN QUERY SELECT ev.id, ev.region_code, NULL::uuid,
      CASE WHEN p_now < win.opens_at THEN 'not_open' ELSE 'closed' END, win.opens_at, win.closes_at;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM event_participants p
             WHERE p.event_id = ev.id AND p.checkin_device = p_device AND p.org_name <> p_org) THEN
    RETURN QUERY SELECT ev.id, ev.region_code, NULL::uuid, 'device'::text, win.opens_at, win.closes_at;
    RETURN;
  END IF;
  SELECT x.id INTO ent FROM enterprises x
  WHERE x.name = p_org AND x.region_code = ev.region_code AND x.deleted_at IS NULL LIMIT 1;
  SELECT x.id INTO ins FROM institutes x
  WHERE x.name = p_org AND x.region_code = ev.region_code AND x.deleted_at IS NULL LIMIT 1;
  RETURN QUERY
    INSERT INTO event_participants AS p (region_code, event_id, party_kind, enterprise_id, institute_id, org_name,
                                         attended_at, attendee_name, checkin_device)
    VALUES (ev.region_code, ev.id,
            CASE WHEN ent IS NOT NULL THEN 'enterprise' WHEN ins IS NOT NULL THEN 'institute' ELSE 'other' END,
            ent, CASE WHEN ent IS NULL THEN ins END, p_org, p_now, p_attendee, p_device)
    ON CONFLICT (event_id, org_name) DO UPDATE
      SET attended_at = coalesce(p.attended_at, excluded.attended_at), attendee_name = excluded.attendee_name,
          checkin_device = coalesce(p.checkin_device, excluded.checkin_device)
    RETURNING p.event_id, p.region_code, p.id, NULL::text, win.opens_at, win.closes_at;
END
$$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS gaodi_event_checkin_info(text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_event_checkin_info(p_token text)
  RETURNS TABLE (event_id uuid, region_code text, title text, held_on date, place text, is_online boolean,
                 organiser text, invited text[], opens_at timestamptz, closes_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT e.id, e.region_code, e.title, e.held_on, e.place, e.is_online, e.organiser,
         coalesce((SELECT array_agg(p.org_name ORDER BY p.org_name) FROM event_participants p
                   WHERE p.event_id = e.id), '{}'),
         w.opens_at, w.closes_at
  FROM matchmaking_events e CROSS JOIN LATERAL gaodi_event_checkin_window(e.id) w
  WHERE e.checkin_token = p_token AND e.deleted_at IS NULL
$$;
