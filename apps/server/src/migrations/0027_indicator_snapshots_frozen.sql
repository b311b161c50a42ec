-- A month-end snapshot is never changed afterwards: no UPDATE or DELETE, by anyone (the owner
-- connection included). Corrections show in the next month as late records, never here.
CREATE FUNCTION gaodi_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'month-end snapshots are never changed (%)', TG_TABLE_NAME USING ERRCODE = '42501';
END $$;
--> statement-breakpoint
CREATE TRIGGER indicator_snapshots_frozen BEFORE UPDATE OR DELETE ON indicator_snapshots
  FOR EACH ROW EXECUTE FUNCTION gaodi_snapshot_frozen();
--> statement-breakpoint
CREATE TRIGGER indicator_snapshot_records_frozen BEFORE UPDATE OR DELETE ON indicator_snapshot_records
  FOR EACH ROW EXECUTE FUNCTION gaodi_snapshot_frozen();
--> statement-breakpoint
-- Only the snapshot job (the owner connection) writes them; a request may only read.
CREATE POLICY indicator_snapshots_read_only ON indicator_snapshots AS RESTRICTIVE FOR INSERT TO gaodi_app
  WITH CHECK (false);
--> statement-breakpoint
CREATE POLICY indicator_snapshot_records_read_only ON indicator_snapshot_records AS RESTRICTIVE FOR INSERT TO gaodi_app
  WITH CHECK (false);
