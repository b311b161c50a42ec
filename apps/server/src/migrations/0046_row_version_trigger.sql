-- Optimistic concurrency on editable records (platform/http/optimistic.ts, platform/db/row-version.ts).
-- Every update that changes a column raises `version` and records which columns changed. A request
-- that sent If-Match names its record (gaodi.if_match_id) and the version it read (gaodi.if_match):
-- the first update of that row in the transaction checks it under the row lock and refuses a stale
-- one with SQLSTATE GA409 (→ 409 with the current version and what the last change touched).
CREATE OR REPLACE FUNCTION gaodi_row_version() RETURNS trigger
  LANGUAGE plpgsql AS
$$
DECLARE
  target text := current_setting('gaodi.if_match_id', true);
  expected text := current_setting('gaodi.if_match', true);
  changed text[];
BEGIN
  IF target IS NOT NULL AND target <> '' AND target = OLD.id::text THEN
    IF expected IS DISTINCT FROM OLD.version::text THEN
      RAISE EXCEPTION 'row version conflict' USING ERRCODE = 'GA409',
        DETAIL = json_build_object('version', OLD.version, 'changed', OLD.changed_fields)::text;
    END IF;
    PERFORM set_config('gaodi.if_match_id', '', true);
  END IF;
  SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO changed
    FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o USING (key)
   WHERE n.value IS DISTINCT FROM o.value
     AND n.key NOT IN ('version', 'changed_fields', 'updated_at', 'search_text');
  IF cardinality(changed) > 0 THEN
    NEW.version := OLD.version + 1;
    NEW.changed_fields := changed;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER enterprises_row_version BEFORE UPDATE ON enterprises FOR EACH ROW EXECUTE FUNCTION gaodi_row_version();
--> statement-breakpoint
CREATE TRIGGER institutes_row_version BEFORE UPDATE ON institutes FOR EACH ROW EXECUTE FUNCTION gaodi_row_version();
--> statement-breakpoint
CREATE TRIGGER tech_needs_row_version BEFORE UPDATE ON tech_needs FOR EACH ROW EXECUTE FUNCTION gaodi_row_version();
--> statement-breakpoint
CREATE TRIGGER cooperation_projects_row_version BEFORE UPDATE ON cooperation_projects FOR EACH ROW EXECUTE FUNCTION gaodi_row_version();
--> statement-breakpoint
CREATE TRIGGER recruitment_records_row_version BEFORE UPDATE ON recruitment_records FOR EACH ROW EXECUTE FUNCTION gaodi_row_version();
