-- The regions whose counted records changed (docs/ARCHITECTURE.md, Indicators: per-region counts):
-- one row per region touched by a statement on a counted table, old and new region alike, in the
-- writer's transaction. Insert-only, so writers never queue on a shared row; SECURITY DEFINER so
-- the note does not depend on the writer's view. A reader recounts these regions and deletes them.
CREATE OR REPLACE FUNCTION gaodi_indicator_regions_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO indicator_region_changes (region_code)
    SELECT DISTINCT region_code FROM new_rows WHERE region_code IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO indicator_region_changes (region_code)
    SELECT region_code FROM new_rows WHERE region_code IS NOT NULL
    UNION SELECT region_code FROM old_rows WHERE region_code IS NOT NULL;
  ELSE
    INSERT INTO indicator_region_changes (region_code)
    SELECT DISTINCT region_code FROM old_rows WHERE region_code IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cooperation_projects', 'matchmaking_events', 'platforms', 'talents', 'incubatees'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION gaodi_indicator_regions_changed()', t || '_counted_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION gaodi_indicator_regions_changed()', t || '_counted_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION gaodi_indicator_regions_changed()', t || '_counted_del', t);
  END LOOP;
END
$$;
