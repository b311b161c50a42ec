-- The policies written by hand in earlier migrations (and tenant_region / owner_all, added by
-- gaodi_secure_tenant_tables()) are now declared beside their tables (platform/db/policies.ts);
-- this migration adopts them: each is dropped if present and created from its declaration, with
-- the same meaning (the declarations were read back from a migrated database's pg_policies).
ALTER TABLE "service_handoffs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "service_request_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "service_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "service_time_limits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "service_transfers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "working_calendar_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "enterprises" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "experts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "industries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "institutes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "carrier_occupancy" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incubatee_moves" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incubatee_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incubatee_visits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incubatees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incubation_carriers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "indicator_snapshot_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "indicator_targets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "platform_assessments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "platform_criteria" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "platform_evidence" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "platform_partners" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "platform_projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "platforms" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "achievements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "event_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "event_participants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "match_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "match_index_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "matchmaking_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "need_pairings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recommendation_rejections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tech_needs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cooperation_projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_helper_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_milestones" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_outputs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_parties" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recruitment_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recruitment_milestones" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recruitment_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recruitment_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roundtable_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roundtable_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "roundtable_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "custom_stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stage_labels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "supervision_agenda_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "supervision_escalations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "supervision_light_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "supervision_lights" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "supervision_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "talent_awards" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "talent_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "talent_programmes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "talents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "login_throttle" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stored_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "service_handoffs";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "service_handoffs" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "service_handoffs";--> statement-breakpoint
CREATE POLICY "owner_all" ON "service_handoffs" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "service_handoffs_bureau_only" ON "service_handoffs";--> statement-breakpoint
CREATE POLICY "service_handoffs_bureau_only" ON "service_handoffs" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "service_request_entries";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "service_request_entries" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "service_request_entries";--> statement-breakpoint
CREATE POLICY "owner_all" ON "service_request_entries" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "service_request_entries_request_visible" ON "service_request_entries";--> statement-breakpoint
CREATE POLICY "service_request_entries_request_visible" ON "service_request_entries" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM service_requests r WHERE (r.id = service_request_entries.request_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "service_requests";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "service_requests" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "service_requests";--> statement-breakpoint
CREATE POLICY "owner_all" ON "service_requests" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "service_requests_own_org" ON "service_requests";--> statement-breakpoint
CREATE POLICY "service_requests_own_org" ON "service_requests" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (CASE gaodi_role() WHEN 'enterprise'::text THEN ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true)) WHEN 'institute'::text THEN ((institute_id)::text = current_setting('gaodi.institute_id'::text, true)) ELSE gaodi_is_bureau_role() END);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "service_time_limits";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "service_time_limits" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "service_time_limits";--> statement-breakpoint
CREATE POLICY "owner_all" ON "service_time_limits" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "service_time_limits_office" ON "service_time_limits";--> statement-breakpoint
CREATE POLICY "service_time_limits_office" ON "service_time_limits" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role() OR (gaodi_role() = 'sysadmin'::text));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "service_transfers";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "service_transfers" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "service_transfers";--> statement-breakpoint
CREATE POLICY "owner_all" ON "service_transfers" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "service_transfers_bureau_only" ON "service_transfers";--> statement-breakpoint
CREATE POLICY "service_transfers_bureau_only" ON "service_transfers" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "working_calendar_days";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "working_calendar_days" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "working_calendar_days";--> statement-breakpoint
CREATE POLICY "owner_all" ON "working_calendar_days" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "working_calendar_days_office" ON "working_calendar_days";--> statement-breakpoint
CREATE POLICY "working_calendar_days_office" ON "working_calendar_days" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role() OR (gaodi_role() = 'sysadmin'::text));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "enterprises";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "enterprises" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "enterprises";--> statement-breakpoint
CREATE POLICY "owner_all" ON "enterprises" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "enterprises_own_only" ON "enterprises";--> statement-breakpoint
CREATE POLICY "enterprises_own_only" ON "enterprises" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((gaodi_role() <> 'enterprise'::text) OR ((id)::text = current_setting('gaodi.enterprise_id'::text, true)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "experts";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "experts" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "experts";--> statement-breakpoint
CREATE POLICY "owner_all" ON "experts" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "experts_own_institute_only" ON "experts";--> statement-breakpoint
CREATE POLICY "experts_own_institute_only" ON "experts" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((gaodi_role() <> 'institute'::text) OR ((institute_id)::text = current_setting('gaodi.institute_id'::text, true)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "industries";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "industries" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "industries";--> statement-breakpoint
CREATE POLICY "owner_all" ON "industries" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "institutes";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "institutes" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "institutes";--> statement-breakpoint
CREATE POLICY "owner_all" ON "institutes" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "institutes_own_only" ON "institutes";--> statement-breakpoint
CREATE POLICY "institutes_own_only" ON "institutes" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((gaodi_role() <> 'institute'::text) OR ((id)::text = current_setting('gaodi.institute_id'::text, true)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "carrier_occupancy";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "carrier_occupancy" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "carrier_occupancy";--> statement-breakpoint
CREATE POLICY "owner_all" ON "carrier_occupancy" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "carrier_occupancy_bureau_deletes" ON "carrier_occupancy";--> statement-breakpoint
CREATE POLICY "carrier_occupancy_bureau_deletes" ON "carrier_occupancy" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "carrier_occupancy_bureau_inserts" ON "carrier_occupancy";--> statement-breakpoint
CREATE POLICY "carrier_occupancy_bureau_inserts" ON "carrier_occupancy" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "carrier_occupancy_bureau_updates" ON "carrier_occupancy";--> statement-breakpoint
CREATE POLICY "carrier_occupancy_bureau_updates" ON "carrier_occupancy" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "carrier_occupancy_via_carrier" ON "carrier_occupancy";--> statement-breakpoint
CREATE POLICY "carrier_occupancy_via_carrier" ON "carrier_occupancy" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM incubation_carriers c WHERE (c.id = carrier_occupancy.carrier_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "incubatee_moves";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "incubatee_moves" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "incubatee_moves";--> statement-breakpoint
CREATE POLICY "owner_all" ON "incubatee_moves" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_moves_bureau_deletes" ON "incubatee_moves";--> statement-breakpoint
CREATE POLICY "incubatee_moves_bureau_deletes" ON "incubatee_moves" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_moves_bureau_inserts" ON "incubatee_moves";--> statement-breakpoint
CREATE POLICY "incubatee_moves_bureau_inserts" ON "incubatee_moves" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_moves_bureau_updates" ON "incubatee_moves";--> statement-breakpoint
CREATE POLICY "incubatee_moves_bureau_updates" ON "incubatee_moves" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_moves_incubatee_visible" ON "incubatee_moves";--> statement-breakpoint
CREATE POLICY "incubatee_moves_incubatee_visible" ON "incubatee_moves" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_moves.incubatee_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_moves_via_incubatee" ON "incubatee_moves";--> statement-breakpoint
CREATE POLICY "incubatee_moves_via_incubatee" ON "incubatee_moves" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_moves.incubatee_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "incubatee_reports";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "incubatee_reports" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "incubatee_reports";--> statement-breakpoint
CREATE POLICY "owner_all" ON "incubatee_reports" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_reports_bureau_deletes" ON "incubatee_reports";--> statement-breakpoint
CREATE POLICY "incubatee_reports_bureau_deletes" ON "incubatee_reports" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_reports_bureau_inserts" ON "incubatee_reports";--> statement-breakpoint
CREATE POLICY "incubatee_reports_bureau_inserts" ON "incubatee_reports" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_reports_bureau_updates" ON "incubatee_reports";--> statement-breakpoint
CREATE POLICY "incubatee_reports_bureau_updates" ON "incubatee_reports" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_reports_incubatee_visible" ON "incubatee_reports";--> statement-breakpoint
CREATE POLICY "incubatee_reports_incubatee_visible" ON "incubatee_reports" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_reports.incubatee_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_reports_via_incubatee" ON "incubatee_reports";--> statement-breakpoint
CREATE POLICY "incubatee_reports_via_incubatee" ON "incubatee_reports" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_reports.incubatee_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "incubatee_visits";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "incubatee_visits" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "incubatee_visits";--> statement-breakpoint
CREATE POLICY "owner_all" ON "incubatee_visits" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_visits_bureau_deletes" ON "incubatee_visits";--> statement-breakpoint
CREATE POLICY "incubatee_visits_bureau_deletes" ON "incubatee_visits" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_visits_bureau_inserts" ON "incubatee_visits";--> statement-breakpoint
CREATE POLICY "incubatee_visits_bureau_inserts" ON "incubatee_visits" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_visits_bureau_updates" ON "incubatee_visits";--> statement-breakpoint
CREATE POLICY "incubatee_visits_bureau_updates" ON "incubatee_visits" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_visits_incubatee_visible" ON "incubatee_visits";--> statement-breakpoint
CREATE POLICY "incubatee_visits_incubatee_visible" ON "incubatee_visits" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_visits.incubatee_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "incubatee_visits_via_incubatee" ON "incubatee_visits";--> statement-breakpoint
CREATE POLICY "incubatee_visits_via_incubatee" ON "incubatee_visits" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_visits.incubatee_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "incubatees";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "incubatees" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "incubatees";--> statement-breakpoint
CREATE POLICY "owner_all" ON "incubatees" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "incubatees_bureau_deletes" ON "incubatees";--> statement-breakpoint
CREATE POLICY "incubatees_bureau_deletes" ON "incubatees" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatees_bureau_inserts" ON "incubatees";--> statement-breakpoint
CREATE POLICY "incubatees_bureau_inserts" ON "incubatees" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatees_bureau_updates" ON "incubatees";--> statement-breakpoint
CREATE POLICY "incubatees_bureau_updates" ON "incubatees" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubatees_own_org" ON "incubatees";--> statement-breakpoint
CREATE POLICY "incubatees_own_org" ON "incubatees" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (CASE gaodi_role() WHEN 'enterprise'::text THEN ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true)) ELSE gaodi_is_bureau_role() END);--> statement-breakpoint
DROP POLICY IF EXISTS "incubatees_rd_site" ON "incubatees";--> statement-breakpoint
CREATE POLICY "incubatees_rd_site" ON "incubatees" AS PERMISSIVE FOR SELECT TO public USING (gaodi_visible(rd_region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "incubation_carriers";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "incubation_carriers" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "incubation_carriers";--> statement-breakpoint
CREATE POLICY "owner_all" ON "incubation_carriers" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "incubation_carriers_bureau" ON "incubation_carriers";--> statement-breakpoint
CREATE POLICY "incubation_carriers_bureau" ON "incubation_carriers" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role() OR (gaodi_role() = 'enterprise'::text));--> statement-breakpoint
DROP POLICY IF EXISTS "incubation_carriers_bureau_deletes" ON "incubation_carriers";--> statement-breakpoint
CREATE POLICY "incubation_carriers_bureau_deletes" ON "incubation_carriers" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubation_carriers_bureau_inserts" ON "incubation_carriers";--> statement-breakpoint
CREATE POLICY "incubation_carriers_bureau_inserts" ON "incubation_carriers" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubation_carriers_bureau_updates" ON "incubation_carriers";--> statement-breakpoint
CREATE POLICY "incubation_carriers_bureau_updates" ON "incubation_carriers" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "incubation_carriers_location" ON "incubation_carriers";--> statement-breakpoint
CREATE POLICY "incubation_carriers_location" ON "incubation_carriers" AS PERMISSIVE FOR SELECT TO public USING (gaodi_visible(location_region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "indicator_snapshot_records";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "indicator_snapshot_records" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "indicator_snapshot_records";--> statement-breakpoint
CREATE POLICY "owner_all" ON "indicator_snapshot_records" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "indicator_snapshot_records_read_only" ON "indicator_snapshot_records";--> statement-breakpoint
CREATE POLICY "indicator_snapshot_records_read_only" ON "indicator_snapshot_records" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (false);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "indicator_snapshots";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "indicator_snapshots" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "indicator_snapshots";--> statement-breakpoint
CREATE POLICY "owner_all" ON "indicator_snapshots" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "indicator_snapshots_read_only" ON "indicator_snapshots";--> statement-breakpoint
CREATE POLICY "indicator_snapshots_read_only" ON "indicator_snapshots" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (false);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "indicator_targets";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "indicator_targets" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "indicator_targets";--> statement-breakpoint
CREATE POLICY "owner_all" ON "indicator_targets" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "platform_assessments";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "platform_assessments" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "platform_assessments";--> statement-breakpoint
CREATE POLICY "owner_all" ON "platform_assessments" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "platform_assessments_bureau_deletes" ON "platform_assessments";--> statement-breakpoint
CREATE POLICY "platform_assessments_bureau_deletes" ON "platform_assessments" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_assessments_bureau_inserts" ON "platform_assessments";--> statement-breakpoint
CREATE POLICY "platform_assessments_bureau_inserts" ON "platform_assessments" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_assessments_bureau_updates" ON "platform_assessments";--> statement-breakpoint
CREATE POLICY "platform_assessments_bureau_updates" ON "platform_assessments" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_assessments_platform_visible" ON "platform_assessments";--> statement-breakpoint
CREATE POLICY "platform_assessments_platform_visible" ON "platform_assessments" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_assessments.platform_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "platform_criteria";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "platform_criteria" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "platform_criteria";--> statement-breakpoint
CREATE POLICY "owner_all" ON "platform_criteria" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "platform_criteria_update_by_sysadmin" ON "platform_criteria";--> statement-breakpoint
CREATE POLICY "platform_criteria_update_by_sysadmin" ON "platform_criteria" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "platform_criteria_write_by_sysadmin" ON "platform_criteria";--> statement-breakpoint
CREATE POLICY "platform_criteria_write_by_sysadmin" ON "platform_criteria" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "platform_evidence";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "platform_evidence" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "platform_evidence";--> statement-breakpoint
CREATE POLICY "owner_all" ON "platform_evidence" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "platform_evidence_bureau_deletes" ON "platform_evidence";--> statement-breakpoint
CREATE POLICY "platform_evidence_bureau_deletes" ON "platform_evidence" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_evidence_bureau_inserts" ON "platform_evidence";--> statement-breakpoint
CREATE POLICY "platform_evidence_bureau_inserts" ON "platform_evidence" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_evidence_bureau_updates" ON "platform_evidence";--> statement-breakpoint
CREATE POLICY "platform_evidence_bureau_updates" ON "platform_evidence" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_evidence_platform_visible" ON "platform_evidence";--> statement-breakpoint
CREATE POLICY "platform_evidence_platform_visible" ON "platform_evidence" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_evidence.platform_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "platform_partners";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "platform_partners" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "platform_partners";--> statement-breakpoint
CREATE POLICY "owner_all" ON "platform_partners" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "platform_partners_bureau_deletes" ON "platform_partners";--> statement-breakpoint
CREATE POLICY "platform_partners_bureau_deletes" ON "platform_partners" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_partners_bureau_inserts" ON "platform_partners";--> statement-breakpoint
CREATE POLICY "platform_partners_bureau_inserts" ON "platform_partners" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_partners_bureau_updates" ON "platform_partners";--> statement-breakpoint
CREATE POLICY "platform_partners_bureau_updates" ON "platform_partners" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_partners_platform_visible" ON "platform_partners";--> statement-breakpoint
CREATE POLICY "platform_partners_platform_visible" ON "platform_partners" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_partners.platform_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "platform_projects";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "platform_projects" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "platform_projects";--> statement-breakpoint
CREATE POLICY "owner_all" ON "platform_projects" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "platform_projects_bureau_deletes" ON "platform_projects";--> statement-breakpoint
CREATE POLICY "platform_projects_bureau_deletes" ON "platform_projects" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_projects_bureau_inserts" ON "platform_projects";--> statement-breakpoint
CREATE POLICY "platform_projects_bureau_inserts" ON "platform_projects" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_projects_bureau_updates" ON "platform_projects";--> statement-breakpoint
CREATE POLICY "platform_projects_bureau_updates" ON "platform_projects" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platform_projects_platform_visible" ON "platform_projects";--> statement-breakpoint
CREATE POLICY "platform_projects_platform_visible" ON "platform_projects" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_projects.platform_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "platforms";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "platforms" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "platforms";--> statement-breakpoint
CREATE POLICY "owner_all" ON "platforms" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "platforms_bureau_deletes" ON "platforms";--> statement-breakpoint
CREATE POLICY "platforms_bureau_deletes" ON "platforms" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platforms_bureau_inserts" ON "platforms";--> statement-breakpoint
CREATE POLICY "platforms_bureau_inserts" ON "platforms" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platforms_bureau_updates" ON "platforms";--> statement-breakpoint
CREATE POLICY "platforms_bureau_updates" ON "platforms" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "platforms_own_org" ON "platforms";--> statement-breakpoint
CREATE POLICY "platforms_own_org" ON "platforms" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (CASE gaodi_role() WHEN 'enterprise'::text THEN (current_setting('gaodi.enterprise_id'::text, true) = ANY ((partner_enterprise_ids)::text[])) WHEN 'institute'::text THEN (current_setting('gaodi.institute_id'::text, true) = ANY ((partner_institute_ids)::text[])) ELSE gaodi_is_bureau_role() END);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "achievements";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "achievements" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "achievements";--> statement-breakpoint
CREATE POLICY "owner_all" ON "achievements" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "achievements_own_institute" ON "achievements";--> statement-breakpoint
CREATE POLICY "achievements_own_institute" ON "achievements" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role() OR ((gaodi_role() = 'institute'::text) AND ((institute_id)::text = current_setting('gaodi.institute_id'::text, true))));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "event_items";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "event_items" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "event_items";--> statement-breakpoint
CREATE POLICY "owner_all" ON "event_items" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "event_items_bureau_only" ON "event_items";--> statement-breakpoint
CREATE POLICY "event_items_bureau_only" ON "event_items" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "event_participants";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "event_participants" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "event_participants";--> statement-breakpoint
CREATE POLICY "owner_all" ON "event_participants" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "event_participants_bureau_only" ON "event_participants";--> statement-breakpoint
CREATE POLICY "event_participants_bureau_only" ON "event_participants" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "matchmaking_events";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "matchmaking_events" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "matchmaking_events";--> statement-breakpoint
CREATE POLICY "owner_all" ON "matchmaking_events" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "matchmaking_events_bureau_only" ON "matchmaking_events";--> statement-breakpoint
CREATE POLICY "matchmaking_events_bureau_only" ON "matchmaking_events" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "need_pairings";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "need_pairings" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "need_pairings";--> statement-breakpoint
CREATE POLICY "owner_all" ON "need_pairings" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "need_pairings_bureau_only" ON "need_pairings";--> statement-breakpoint
CREATE POLICY "need_pairings_bureau_only" ON "need_pairings" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "recommendation_rejections";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "recommendation_rejections" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "recommendation_rejections";--> statement-breakpoint
CREATE POLICY "owner_all" ON "recommendation_rejections" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "recommendation_rejections_bureau_only" ON "recommendation_rejections";--> statement-breakpoint
CREATE POLICY "recommendation_rejections_bureau_only" ON "recommendation_rejections" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "tech_needs";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "tech_needs" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "tech_needs";--> statement-breakpoint
CREATE POLICY "owner_all" ON "tech_needs" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "tech_needs_institute_open_only" ON "tech_needs";--> statement-breakpoint
CREATE POLICY "tech_needs_institute_open_only" ON "tech_needs" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((gaodi_role() <> 'institute'::text) OR (stage = ANY (ARRAY['published'::text, 'matching'::text])));--> statement-breakpoint
DROP POLICY IF EXISTS "tech_needs_own_enterprise" ON "tech_needs";--> statement-breakpoint
CREATE POLICY "tech_needs_own_enterprise" ON "tech_needs" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING ((gaodi_role() <> 'enterprise'::text) OR ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true)));--> statement-breakpoint
DROP POLICY IF EXISTS "tech_needs_working_roles" ON "tech_needs";--> statement-breakpoint
CREATE POLICY "tech_needs_working_roles" ON "tech_needs" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role() OR (gaodi_role() = ANY (ARRAY['enterprise'::text, 'institute'::text])));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "cooperation_projects";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "cooperation_projects" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "cooperation_projects";--> statement-breakpoint
CREATE POLICY "owner_all" ON "cooperation_projects" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "cooperation_projects_own_org" ON "cooperation_projects";--> statement-breakpoint
CREATE POLICY "cooperation_projects_own_org" ON "cooperation_projects" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (CASE gaodi_role() WHEN 'enterprise'::text THEN (current_setting('gaodi.enterprise_id'::text, true) = ANY ((enterprise_ids)::text[])) WHEN 'institute'::text THEN (current_setting('gaodi.institute_id'::text, true) = ANY ((institute_ids)::text[])) ELSE gaodi_is_bureau_role() END);--> statement-breakpoint
DROP POLICY IF EXISTS "cooperation_projects_rd_site" ON "cooperation_projects";--> statement-breakpoint
CREATE POLICY "cooperation_projects_rd_site" ON "cooperation_projects" AS PERMISSIVE FOR SELECT TO public USING (gaodi_visible(rd_region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "project_entries";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "project_entries" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "project_entries";--> statement-breakpoint
CREATE POLICY "owner_all" ON "project_entries" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "project_entries_project_visible" ON "project_entries";--> statement-breakpoint
CREATE POLICY "project_entries_project_visible" ON "project_entries" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_entries.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "project_entries_via_project" ON "project_entries";--> statement-breakpoint
CREATE POLICY "project_entries_via_project" ON "project_entries" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_entries.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "project_helper_assignments";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "project_helper_assignments" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "project_helper_assignments";--> statement-breakpoint
CREATE POLICY "owner_all" ON "project_helper_assignments" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "project_helpers_project_visible" ON "project_helper_assignments";--> statement-breakpoint
CREATE POLICY "project_helpers_project_visible" ON "project_helper_assignments" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_helper_assignments.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "project_helpers_via_project" ON "project_helper_assignments";--> statement-breakpoint
CREATE POLICY "project_helpers_via_project" ON "project_helper_assignments" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_helper_assignments.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "project_milestones";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "project_milestones" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "project_milestones";--> statement-breakpoint
CREATE POLICY "owner_all" ON "project_milestones" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "project_milestones_project_visible" ON "project_milestones";--> statement-breakpoint
CREATE POLICY "project_milestones_project_visible" ON "project_milestones" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_milestones.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "project_milestones_via_project" ON "project_milestones";--> statement-breakpoint
CREATE POLICY "project_milestones_via_project" ON "project_milestones" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_milestones.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "project_outputs";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "project_outputs" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "project_outputs";--> statement-breakpoint
CREATE POLICY "owner_all" ON "project_outputs" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "project_outputs_project_visible" ON "project_outputs";--> statement-breakpoint
CREATE POLICY "project_outputs_project_visible" ON "project_outputs" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_outputs.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "project_outputs_via_project" ON "project_outputs";--> statement-breakpoint
CREATE POLICY "project_outputs_via_project" ON "project_outputs" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_outputs.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "project_parties";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "project_parties" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "project_parties";--> statement-breakpoint
CREATE POLICY "owner_all" ON "project_parties" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "project_parties_project_visible" ON "project_parties";--> statement-breakpoint
CREATE POLICY "project_parties_project_visible" ON "project_parties" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_parties.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "project_parties_via_project" ON "project_parties";--> statement-breakpoint
CREATE POLICY "project_parties_via_project" ON "project_parties" AS PERMISSIVE FOR SELECT TO public USING (EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_parties.project_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "recruitment_entries";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "recruitment_entries" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "recruitment_entries";--> statement-breakpoint
CREATE POLICY "owner_all" ON "recruitment_entries" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "recruitment_entries_bureau_only" ON "recruitment_entries";--> statement-breakpoint
CREATE POLICY "recruitment_entries_bureau_only" ON "recruitment_entries" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "recruitment_milestones";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "recruitment_milestones" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "recruitment_milestones";--> statement-breakpoint
CREATE POLICY "owner_all" ON "recruitment_milestones" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "recruitment_milestones_bureau_only" ON "recruitment_milestones";--> statement-breakpoint
CREATE POLICY "recruitment_milestones_bureau_only" ON "recruitment_milestones" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "recruitment_plans";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "recruitment_plans" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "recruitment_plans";--> statement-breakpoint
CREATE POLICY "owner_all" ON "recruitment_plans" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "recruitment_plans_bureau_only" ON "recruitment_plans";--> statement-breakpoint
CREATE POLICY "recruitment_plans_bureau_only" ON "recruitment_plans" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "recruitment_records";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "recruitment_records" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "recruitment_records";--> statement-breakpoint
CREATE POLICY "owner_all" ON "recruitment_records" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "recruitment_records_bureau_only" ON "recruitment_records";--> statement-breakpoint
CREATE POLICY "recruitment_records_bureau_only" ON "recruitment_records" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "roundtable_decisions";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "roundtable_decisions" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "roundtable_decisions";--> statement-breakpoint
CREATE POLICY "owner_all" ON "roundtable_decisions" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "roundtable_decisions_bureau_only" ON "roundtable_decisions";--> statement-breakpoint
CREATE POLICY "roundtable_decisions_bureau_only" ON "roundtable_decisions" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "roundtable_items";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "roundtable_items" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "roundtable_items";--> statement-breakpoint
CREATE POLICY "owner_all" ON "roundtable_items" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "roundtable_items_bureau_only" ON "roundtable_items";--> statement-breakpoint
CREATE POLICY "roundtable_items_bureau_only" ON "roundtable_items" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "roundtable_meetings";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "roundtable_meetings" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "roundtable_meetings";--> statement-breakpoint
CREATE POLICY "owner_all" ON "roundtable_meetings" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "roundtable_meetings_bureau_only" ON "roundtable_meetings";--> statement-breakpoint
CREATE POLICY "roundtable_meetings_bureau_only" ON "roundtable_meetings" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "custom_stages";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "custom_stages" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "custom_stages";--> statement-breakpoint
CREATE POLICY "owner_all" ON "custom_stages" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "custom_stages_delete_by_sysadmin" ON "custom_stages";--> statement-breakpoint
CREATE POLICY "custom_stages_delete_by_sysadmin" ON "custom_stages" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "custom_stages_from_above" ON "custom_stages";--> statement-breakpoint
CREATE POLICY "custom_stages_from_above" ON "custom_stages" AS PERMISSIVE FOR SELECT TO "gaodi_app" USING (region_code IN ( SELECT unnest(gaodi_ancestor_regions()) AS unnest));--> statement-breakpoint
DROP POLICY IF EXISTS "custom_stages_insert_by_sysadmin" ON "custom_stages";--> statement-breakpoint
CREATE POLICY "custom_stages_insert_by_sysadmin" ON "custom_stages" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "custom_stages_update_by_sysadmin" ON "custom_stages";--> statement-breakpoint
CREATE POLICY "custom_stages_update_by_sysadmin" ON "custom_stages" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "stage_labels";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "stage_labels" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "stage_labels";--> statement-breakpoint
CREATE POLICY "owner_all" ON "stage_labels" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "stage_labels_delete_by_sysadmin" ON "stage_labels";--> statement-breakpoint
CREATE POLICY "stage_labels_delete_by_sysadmin" ON "stage_labels" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "stage_labels_from_above" ON "stage_labels";--> statement-breakpoint
CREATE POLICY "stage_labels_from_above" ON "stage_labels" AS PERMISSIVE FOR SELECT TO public USING (region_code IN ( SELECT unnest(gaodi_ancestor_regions()) AS unnest));--> statement-breakpoint
DROP POLICY IF EXISTS "stage_labels_insert_by_sysadmin" ON "stage_labels";--> statement-breakpoint
CREATE POLICY "stage_labels_insert_by_sysadmin" ON "stage_labels" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "stage_labels_update_by_sysadmin" ON "stage_labels";--> statement-breakpoint
CREATE POLICY "stage_labels_update_by_sysadmin" ON "stage_labels" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "supervision_agenda_proposals";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "supervision_agenda_proposals" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "supervision_agenda_proposals";--> statement-breakpoint
CREATE POLICY "owner_all" ON "supervision_agenda_proposals" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "supervision_agenda_bureau_only" ON "supervision_agenda_proposals";--> statement-breakpoint
CREATE POLICY "supervision_agenda_bureau_only" ON "supervision_agenda_proposals" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "supervision_escalations";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "supervision_escalations" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "supervision_escalations";--> statement-breakpoint
CREATE POLICY "owner_all" ON "supervision_escalations" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "supervision_escalations_bureau_only" ON "supervision_escalations";--> statement-breakpoint
CREATE POLICY "supervision_escalations_bureau_only" ON "supervision_escalations" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "supervision_light_history";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "supervision_light_history" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "supervision_light_history";--> statement-breakpoint
CREATE POLICY "owner_all" ON "supervision_light_history" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "supervision_light_history_bureau_only" ON "supervision_light_history";--> statement-breakpoint
CREATE POLICY "supervision_light_history_bureau_only" ON "supervision_light_history" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "supervision_lights";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "supervision_lights" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "supervision_lights";--> statement-breakpoint
CREATE POLICY "owner_all" ON "supervision_lights" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "supervision_lights_bureau_only" ON "supervision_lights";--> statement-breakpoint
CREATE POLICY "supervision_lights_bureau_only" ON "supervision_lights" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "supervision_rules";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "supervision_rules" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "supervision_rules";--> statement-breakpoint
CREATE POLICY "owner_all" ON "supervision_rules" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "supervision_rules_update_by_sysadmin" ON "supervision_rules";--> statement-breakpoint
CREATE POLICY "supervision_rules_update_by_sysadmin" ON "supervision_rules" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "supervision_rules_write_by_sysadmin" ON "supervision_rules";--> statement-breakpoint
CREATE POLICY "supervision_rules_write_by_sysadmin" ON "supervision_rules" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_role() = 'sysadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "talent_awards";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "talent_awards" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "talent_awards";--> statement-breakpoint
CREATE POLICY "owner_all" ON "talent_awards" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "talent_awards_bureau_deletes" ON "talent_awards";--> statement-breakpoint
CREATE POLICY "talent_awards_bureau_deletes" ON "talent_awards" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talent_awards_bureau_inserts" ON "talent_awards";--> statement-breakpoint
CREATE POLICY "talent_awards_bureau_inserts" ON "talent_awards" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talent_awards_bureau_updates" ON "talent_awards";--> statement-breakpoint
CREATE POLICY "talent_awards_bureau_updates" ON "talent_awards" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talent_awards_talent_visible" ON "talent_awards";--> statement-breakpoint
CREATE POLICY "talent_awards_talent_visible" ON "talent_awards" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (EXISTS ( SELECT 1 FROM talents t WHERE (t.id = talent_awards.talent_id)));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "talent_groups";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "talent_groups" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "talent_groups";--> statement-breakpoint
CREATE POLICY "owner_all" ON "talent_groups" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "talent_groups_bureau_deletes" ON "talent_groups";--> statement-breakpoint
CREATE POLICY "talent_groups_bureau_deletes" ON "talent_groups" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talent_groups_bureau_inserts" ON "talent_groups";--> statement-breakpoint
CREATE POLICY "talent_groups_bureau_inserts" ON "talent_groups" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talent_groups_bureau_updates" ON "talent_groups";--> statement-breakpoint
CREATE POLICY "talent_groups_bureau_updates" ON "talent_groups" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "talent_programmes";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "talent_programmes" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "talent_programmes";--> statement-breakpoint
CREATE POLICY "owner_all" ON "talent_programmes" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "talent_programmes_bureau_deletes" ON "talent_programmes";--> statement-breakpoint
CREATE POLICY "talent_programmes_bureau_deletes" ON "talent_programmes" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talent_programmes_bureau_inserts" ON "talent_programmes";--> statement-breakpoint
CREATE POLICY "talent_programmes_bureau_inserts" ON "talent_programmes" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talent_programmes_bureau_updates" ON "talent_programmes";--> statement-breakpoint
CREATE POLICY "talent_programmes_bureau_updates" ON "talent_programmes" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "talents";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "talents" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "talents";--> statement-breakpoint
CREATE POLICY "owner_all" ON "talents" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "talents_bureau_deletes" ON "talents";--> statement-breakpoint
CREATE POLICY "talents_bureau_deletes" ON "talents" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talents_bureau_inserts" ON "talents";--> statement-breakpoint
CREATE POLICY "talents_bureau_inserts" ON "talents" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talents_bureau_updates" ON "talents";--> statement-breakpoint
CREATE POLICY "talents_bureau_updates" ON "talents" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_is_bureau_role());--> statement-breakpoint
DROP POLICY IF EXISTS "talents_own_org" ON "talents";--> statement-breakpoint
CREATE POLICY "talents_own_org" ON "talents" AS RESTRICTIVE FOR ALL TO "gaodi_app" USING (CASE gaodi_role() WHEN 'enterprise'::text THEN ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true)) WHEN 'institute'::text THEN ((institute_id)::text = current_setting('gaodi.institute_id'::text, true)) ELSE gaodi_is_bureau_role() END);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "audit_log";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "audit_log" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "audit_log";--> statement-breakpoint
CREATE POLICY "owner_all" ON "audit_log" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "audit_append" ON "audit_log";--> statement-breakpoint
CREATE POLICY "audit_append" ON "audit_log" AS PERMISSIVE FOR INSERT TO public WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "audit_read_only_by_auditor" ON "audit_log";--> statement-breakpoint
CREATE POLICY "audit_read_only_by_auditor" ON "audit_log" AS RESTRICTIVE FOR SELECT TO "gaodi_app" USING (gaodi_role() = 'auditadmin'::text);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "account_requests";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "account_requests" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "account_requests";--> statement-breakpoint
CREATE POLICY "owner_all" ON "account_requests" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "account_requests_admins_read" ON "account_requests";--> statement-breakpoint
CREATE POLICY "account_requests_admins_read" ON "account_requests" AS RESTRICTIVE FOR SELECT TO "gaodi_app" USING (gaodi_role() = ANY (ARRAY['sysadmin'::text, 'secadmin'::text]));--> statement-breakpoint
DROP POLICY IF EXISTS "account_requests_decided_by_other" ON "account_requests";--> statement-breakpoint
CREATE POLICY "account_requests_decided_by_other" ON "account_requests" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING ((status = 'pending'::text) AND (approver_role = gaodi_role()) AND ((requested_by)::text <> current_setting('gaodi.user_id'::text, true))) WITH CHECK ((status = ANY (ARRAY['approved'::text, 'rejected'::text])) AND ((decided_by)::text = current_setting('gaodi.user_id'::text, true)));--> statement-breakpoint
DROP POLICY IF EXISTS "account_requests_filed_as_self" ON "account_requests";--> statement-breakpoint
CREATE POLICY "account_requests_filed_as_self" ON "account_requests" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK ((status = 'pending'::text) AND (decided_by IS NULL) AND ((requested_by)::text = current_setting('gaodi.user_id'::text, true)) AND (requester_role = gaodi_role()) AND (approver_role IN ( SELECT r.approver_role FROM account_rules r WHERE ((r.actor_role = gaodi_role()) AND (r.action = account_requests.action)))));--> statement-breakpoint
DROP POLICY IF EXISTS "account_requests_never_deleted" ON "account_requests";--> statement-breakpoint
CREATE POLICY "account_requests_never_deleted" ON "account_requests" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (false);--> statement-breakpoint
DROP POLICY IF EXISTS "account_rules_read" ON "account_rules";--> statement-breakpoint
CREATE POLICY "account_rules_read" ON "account_rules" AS PERMISSIVE FOR SELECT TO "gaodi_app" USING (true);--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "users";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "users" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "users";--> statement-breakpoint
CREATE POLICY "owner_all" ON "users" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "users_insert_by_admins" ON "users";--> statement-breakpoint
CREATE POLICY "users_insert_by_admins" ON "users" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_role() = ANY (ARRAY['sysadmin'::text, 'secadmin'::text]));--> statement-breakpoint
DROP POLICY IF EXISTS "users_never_deleted" ON "users";--> statement-breakpoint
CREATE POLICY "users_never_deleted" ON "users" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING (false);--> statement-breakpoint
DROP POLICY IF EXISTS "users_self" ON "users";--> statement-breakpoint
CREATE POLICY "users_self" ON "users" AS PERMISSIVE FOR SELECT TO public USING ((id)::text = current_setting('gaodi.user_id'::text, true));--> statement-breakpoint
DROP POLICY IF EXISTS "users_update_by_admins" ON "users";--> statement-breakpoint
CREATE POLICY "users_update_by_admins" ON "users" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING (gaodi_role() = ANY (ARRAY['sysadmin'::text, 'secadmin'::text]));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "notifications";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "notifications" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "notifications";--> statement-breakpoint
CREATE POLICY "owner_all" ON "notifications" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);--> statement-breakpoint
DROP POLICY IF EXISTS "notifications_delete_own" ON "notifications";--> statement-breakpoint
CREATE POLICY "notifications_delete_own" ON "notifications" AS RESTRICTIVE FOR DELETE TO "gaodi_app" USING ((user_id)::text = current_setting('gaodi.user_id'::text, true));--> statement-breakpoint
DROP POLICY IF EXISTS "notifications_read_own" ON "notifications";--> statement-breakpoint
CREATE POLICY "notifications_read_own" ON "notifications" AS RESTRICTIVE FOR SELECT TO "gaodi_app" USING ((user_id)::text = current_setting('gaodi.user_id'::text, true));--> statement-breakpoint
DROP POLICY IF EXISTS "notifications_to_region_users" ON "notifications";--> statement-breakpoint
CREATE POLICY "notifications_to_region_users" ON "notifications" AS RESTRICTIVE FOR INSERT TO "gaodi_app" WITH CHECK (gaodi_user_sees_region(user_id, region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "notifications_update_own" ON "notifications";--> statement-breakpoint
CREATE POLICY "notifications_update_own" ON "notifications" AS RESTRICTIVE FOR UPDATE TO "gaodi_app" USING ((user_id)::text = current_setting('gaodi.user_id'::text, true)) WITH CHECK ((user_id)::text = current_setting('gaodi.user_id'::text, true));--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_region" ON "stored_files";--> statement-breakpoint
CREATE POLICY "tenant_region" ON "stored_files" AS PERMISSIVE FOR ALL TO public USING (gaodi_visible(region_code)) WITH CHECK (gaodi_visible(region_code));--> statement-breakpoint
DROP POLICY IF EXISTS "owner_all" ON "stored_files";--> statement-breakpoint
CREATE POLICY "owner_all" ON "stored_files" AS PERMISSIVE FOR ALL TO current_user USING (true) WITH CHECK (true);