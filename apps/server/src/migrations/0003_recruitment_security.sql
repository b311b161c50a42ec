-- Recruitment and supervision rows are for the bureau's working roles only: enterprise users,
-- institute partners and the three administrators see none, whatever their region.
CREATE OR REPLACE FUNCTION gaodi_is_bureau_role() RETURNS boolean
  LANGUAGE sql STABLE AS
$$ SELECT gaodi_role() IN ('staff', 'taskforce_lead', 'helper', 'leader') $$;
--> statement-breakpoint
CREATE POLICY recruitment_plans_bureau_only ON recruitment_plans AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY recruitment_records_bureau_only ON recruitment_records AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY recruitment_milestones_bureau_only ON recruitment_milestones AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY recruitment_entries_bureau_only ON recruitment_entries AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY supervision_lights_bureau_only ON supervision_lights AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY supervision_light_history_bureau_only ON supervision_light_history AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY supervision_escalations_bureau_only ON supervision_escalations AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
CREATE POLICY supervision_agenda_bureau_only ON supervision_agenda_proposals AS RESTRICTIVE USING (gaodi_is_bureau_role());
--> statement-breakpoint
-- Light rules: everyone in the region reads them; only the system administrator changes them.
CREATE POLICY supervision_rules_write_by_sysadmin ON supervision_rules AS RESTRICTIVE FOR INSERT
  WITH CHECK (gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY supervision_rules_update_by_sysadmin ON supervision_rules AS RESTRICTIVE FOR UPDATE
  USING (gaodi_role() = 'sysadmin');
--> statement-breakpoint
-- The inbox: each user sees and marks only their own notifications.
CREATE POLICY notifications_own_only ON notifications AS RESTRICTIVE
  USING (user_id::text = current_setting('gaodi.user_id', true));
--> statement-breakpoint
-- 工作台账 immutability: an entry older than 7 days is never updated or deleted, only corrected by a
-- new entry. "Now" is the later of the database clock and the application clock (gaodi.now), so an
-- injected clock can make the rule stricter but never looser. created_at itself never changes.
CREATE OR REPLACE FUNCTION gaodi_recruitment_entry_locked() RETURNS trigger
  LANGUAGE plpgsql AS
$$
DECLARE
  app_now timestamptz := greatest(now(), coalesce(nullif(current_setting('gaodi.now', true), '')::timestamptz, now()));
BEGIN
  IF OLD.created_at < app_now - interval '7 days' THEN
    RAISE EXCEPTION 'ledger entry % is older than 7 days: add a correcting entry instead', OLD.id
      USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.created_at <> OLD.created_at OR NEW.record_id <> OLD.record_id) THEN
    RAISE EXCEPTION 'ledger entry % cannot change its record or creation time', OLD.id USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER recruitment_entries_locked BEFORE UPDATE OR DELETE ON recruitment_entries
  FOR EACH ROW EXECUTE FUNCTION gaodi_recruitment_entry_locked();
