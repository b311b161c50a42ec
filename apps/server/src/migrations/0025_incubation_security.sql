-- Incubation: the enclave rule and who writes. A carrier's region_code is the office that runs it;
-- the enclave city where it sits (location_region_code) may read it. An incubatee's region_code is
-- where it is counted (where it lands); the enclave city that incubated it (rd_region_code) may
-- read it, its path, visits and reports. FOR SELECT only: the enclave office never writes them.
CREATE POLICY incubation_carriers_location ON incubation_carriers FOR SELECT
  USING (gaodi_visible(location_region_code));
--> statement-breakpoint
CREATE POLICY incubatees_rd_site ON incubatees FOR SELECT
  USING (gaodi_visible(rd_region_code));
--> statement-breakpoint
-- An enterprise user sees only its own incubation record; institute partners and administrators none.
CREATE POLICY incubatees_own_org ON incubatees AS RESTRICTIVE
  USING (CASE gaodi_role()
           WHEN 'enterprise' THEN enterprise_id::text = current_setting('gaodi.enterprise_id', true)
           ELSE gaodi_is_bureau_role() END);
--> statement-breakpoint
CREATE POLICY incubation_carriers_bureau ON incubation_carriers AS RESTRICTIVE
  USING (gaodi_is_bureau_role() OR gaodi_role() = 'enterprise');
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incubatee_moves', 'incubatee_visits', 'incubatee_reports'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (EXISTS (SELECT 1 FROM incubatees i WHERE i.id = incubatee_id))', t || '_via_incubatee', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE USING (EXISTS (SELECT 1 FROM incubatees i WHERE i.id = incubatee_id))', t || '_incubatee_visible', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['incubation_carriers', 'carrier_occupancy', 'incubatees', 'incubatee_moves', 'incubatee_visits', 'incubatee_reports'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR INSERT WITH CHECK (gaodi_is_bureau_role())', t || '_bureau_inserts', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR UPDATE USING (gaodi_is_bureau_role())', t || '_bureau_updates', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR DELETE USING (gaodi_is_bureau_role())', t || '_bureau_deletes', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY carrier_occupancy_via_carrier ON carrier_occupancy FOR SELECT
  USING (EXISTS (SELECT 1 FROM incubation_carriers c WHERE c.id = carrier_id));
