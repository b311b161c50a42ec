-- Matchmaking and cooperation projects: own-organisation narrowing, the enclave read rule, the
-- matching index's change log, and QR sign-in without a session.

-- Needs: an enterprise user sees and writes only their own enterprise's needs; an institute
-- partner reads only needs open for matching; the three administrators see none.
CREATE POLICY tech_needs_own_enterprise ON tech_needs AS RESTRICTIVE
  USING (gaodi_role() <> 'enterprise' OR enterprise_id::text = current_setting('gaodi.enterprise_id', true));
--> statement-breakpoint
CREATE POLICY tech_needs_institute_open_only ON tech_needs AS RESTRICTIVE
  USING (gaodi_role() <> 'institute' OR stage IN ('published', 'matching'));
--> statement-breakpoint
CREATE POLICY tech_needs_working_roles ON tech_needs AS RESTRICTIVE
  USING (gaodi_is_bureau_role() OR gaodi_role() IN ('enterprise', 'institute'));
--> statement-breakpoint
-- Achievements: an institute partner sees and writes only their institute's; enterprise users and
-- administrators none (recommendations reach enterprises through the bureau).
CREATE POLICY achievements_own_institute ON achievements AS RESTRICTIVE
  USING (gaodi_is_bureau_role()
         OR (gaodi_role() = 'institute' AND institute_id::text = current_setting('gaodi.institute_id', true)));
--> statement-breakpoint
CREATE POLICY need_pairings_bureau_only ON need_pairings AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY recommendation_rejections_bureau_only ON recommendation_rejections AS RESTRICTIVE
  USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY matchmaking_events_bureau_only ON matchmaking_events AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY event_participants_bureau_only ON event_participants AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY event_items_bureau_only ON event_items AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
-- The enclave rule: a project's region_code is its commercialisation site (where it is counted);
-- its R&D site's region may read it too. FOR SELECT only, so the R&D region never writes it.
CREATE POLICY cooperation_projects_rd_site ON cooperation_projects FOR SELECT
  USING (gaodi_visible(rd_region_code));
--> statement-breakpoint
CREATE POLICY cooperation_projects_own_org ON cooperation_projects AS RESTRICTIVE
  USING (CASE gaodi_role()
           WHEN 'enterprise' THEN current_setting('gaodi.enterprise_id', true) = ANY (enterprise_ids::text[])
           WHEN 'institute' THEN current_setting('gaodi.institute_id', true) = ANY (institute_ids::text[])
           ELSE gaodi_is_bureau_role() END);
--> statement-breakpoint
-- A project's rows follow the project: readable wherever the project is (R&D site included),
-- and never where it is not (another enterprise's project).
CREATE POLICY project_parties_via_project ON project_parties FOR SELECT
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_parties_project_visible ON project_parties AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_helpers_via_project ON project_helper_assignments FOR SELECT
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_helpers_project_visible ON project_helper_assignments AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_milestones_via_project ON project_milestones FOR SELECT
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_milestones_project_visible ON project_milestones AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_outputs_via_project ON project_outputs FOR SELECT
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_outputs_project_visible ON project_outputs AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_entries_via_project ON project_entries FOR SELECT
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
CREATE POLICY project_entries_project_visible ON project_entries AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM cooperation_projects p WHERE p.id = project_id));
--> statement-breakpoint
-- The index tables hold every region's text: RLS on with no policy, so the application role reads
-- and writes nothing; the owner connection (the index itself) and the trigger below do.
ALTER TABLE match_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE match_index_snapshots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Every write to an indexed row is logged, whichever code path made it (service, import, SQL).
CREATE OR REPLACE FUNCTION gaodi_match_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  INSERT INTO match_changes (doc_id)
  VALUES (TG_ARGV[0] || ':' || (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tech_needs_match_change AFTER INSERT OR UPDATE OR DELETE ON tech_needs
  FOR EACH ROW EXECUTE FUNCTION gaodi_match_change('need');
--> statement-breakpoint
CREATE TRIGGER achievements_match_change AFTER INSERT OR UPDATE OR DELETE ON achievements
  FOR EACH ROW EXECUTE FUNCTION gaodi_match_change('achievement');
--> statement-breakpoint
CREATE TRIGGER experts_match_change AFTER INSERT OR UPDATE OR DELETE ON experts
  FOR EACH ROW EXECUTE FUNCTION gaodi_match_change('expert');
--> statement-breakpoint
-- An institute's name, level or city are filters of its documents.
CREATE TRIGGER institutes_match_change AFTER UPDATE ON institutes
  FOR EACH ROW EXECUTE FUNCTION gaodi_match_change('institute');
--> statement-breakpoint
-- QR sign-in: whoever holds an event's token (printed as a QR code at the venue) may read the
-- event's name and invited organisations and sign one organisation in; nothing else.
CREATE OR REPLACE FUNCTION gaodi_event_checkin_info(p_token text)
  RETURNS TABLE (event_id uuid, region_code text, title text, held_on date, place text, is_online boolean,
                 organiser text, invited text[])
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT e.id, e.region_code, e.title, e.held_on, e.place, e.is_online, e.organiser,
         coalesce((SELECT array_agg(p.org_name ORDER BY p.org_name) FROM event_participants p
                   WHERE p.event_id = e.id), '{}')
  FROM matchmaking_events e WHERE e.checkin_token = p_token AND e.deleted_at IS NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_event_checkin(p_token text, p_org text, p_attendee text, p_now timestamptz)
  RETURNS TABLE (event_id uuid, region_code text, participant_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
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
