-- Talents: bureau roles see the region's talents; an enterprise user sees only the talents their
-- enterprise employs, an institute partner their institute's; the administrators none. Awards
-- follow their talent. Only bureau roles write talents, awards and the catalogue (programmes,
-- groups), which everyone in the region reads.
CREATE POLICY talents_own_org ON talents AS RESTRICTIVE
  USING (CASE gaodi_role()
           WHEN 'enterprise' THEN enterprise_id::text = current_setting('gaodi.enterprise_id', true)
           WHEN 'institute' THEN institute_id::text = current_setting('gaodi.institute_id', true)
           ELSE gaodi_is_bureau_role() END);
--> statement-breakpoint
CREATE POLICY talent_awards_talent_visible ON talent_awards AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM talents t WHERE t.id = talent_id));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['talents', 'talent_awards', 'talent_programmes', 'talent_groups'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR INSERT WITH CHECK (gaodi_is_bureau_role())', t || '_bureau_inserts', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR UPDATE USING (gaodi_is_bureau_role())', t || '_bureau_updates', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR DELETE USING (gaodi_is_bureau_role())', t || '_bureau_deletes', t);
  END LOOP;
END $$;
