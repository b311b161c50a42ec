-- Stage names (阶段名称): a region uses its own names, else those of the regions above it (city,
-- then province), so those rows must be readable from below. Regions are reference data.
CREATE OR REPLACE FUNCTION gaodi_ancestor_regions() RETURNS text[]
  LANGUAGE sql STABLE AS
$$
  WITH RECURSIVE up AS (
    SELECT r.parent_code AS code FROM regions r
    WHERE r.code = ANY (string_to_array(current_setting('gaodi.regions', true), ','))
      AND r.parent_code IS NOT NULL
    UNION
    SELECT r.parent_code FROM regions r JOIN up ON r.code = up.code WHERE r.parent_code IS NOT NULL
  )
  SELECT coalesce(array_agg(code), '{}') FROM up
$$;
--> statement-breakpoint
-- FOR SELECT only: names set above are read here, never written from here (tenant_region, added
-- by gaodi_secure_tenant_tables(), keeps writes inside the visible regions).
CREATE POLICY stage_labels_from_above ON stage_labels FOR SELECT
  USING (region_code IN (SELECT unnest(gaodi_ancestor_regions())));
--> statement-breakpoint
-- Everyone in a region reads its stage names; only the system administrator changes them.
CREATE POLICY stage_labels_insert_by_sysadmin ON stage_labels AS RESTRICTIVE FOR INSERT
  WITH CHECK (gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY stage_labels_update_by_sysadmin ON stage_labels AS RESTRICTIVE FOR UPDATE
  USING (gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY stage_labels_delete_by_sysadmin ON stage_labels AS RESTRICTIVE FOR DELETE
  USING (gaodi_role() = 'sysadmin');
