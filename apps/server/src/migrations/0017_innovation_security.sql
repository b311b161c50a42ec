-- Innovation platforms: who sees which platform, its partners, evidence, assessments and projects.
-- Bureau roles see the region's platforms; an enterprise user or institute partner sees only the
-- platforms their organisation builds (partner_*_ids, copied from platform_partners on every write,
-- so this policy reads no other table); the administrators see none.
CREATE POLICY platforms_own_org ON platforms AS RESTRICTIVE
  USING (CASE gaodi_role()
           WHEN 'enterprise' THEN current_setting('gaodi.enterprise_id', true) = ANY (partner_enterprise_ids::text[])
           WHEN 'institute' THEN current_setting('gaodi.institute_id', true) = ANY (partner_institute_ids::text[])
           ELSE gaodi_is_bureau_role() END);
--> statement-breakpoint
-- Partners, evidence, assessments and project links follow their platform: visible exactly where
-- the platform is. Only bureau roles write them.
CREATE POLICY platform_partners_platform_visible ON platform_partners AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM platforms p WHERE p.id = platform_id));
--> statement-breakpoint
CREATE POLICY platform_evidence_platform_visible ON platform_evidence AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM platforms p WHERE p.id = platform_id));
--> statement-breakpoint
CREATE POLICY platform_assessments_platform_visible ON platform_assessments AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM platforms p WHERE p.id = platform_id));
--> statement-breakpoint
CREATE POLICY platform_projects_platform_visible ON platform_projects AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM platforms p WHERE p.id = platform_id));
--> statement-breakpoint
-- Only bureau roles write platforms and their rows (enterprise and institute users read).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['platforms', 'platform_partners', 'platform_evidence', 'platform_assessments', 'platform_projects'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR INSERT WITH CHECK (gaodi_is_bureau_role())', t || '_bureau_inserts', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR UPDATE USING (gaodi_is_bureau_role())', t || '_bureau_updates', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR DELETE USING (gaodi_is_bureau_role())', t || '_bureau_deletes', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- The criteria are an office setting: everyone in the region reads them, only the system
-- administrator writes them (as the light rules).
CREATE POLICY platform_criteria_write_by_sysadmin ON platform_criteria AS RESTRICTIVE FOR INSERT
  WITH CHECK (gaodi_role() = 'sysadmin');
--> statement-breakpoint
CREATE POLICY platform_criteria_update_by_sysadmin ON platform_criteria AS RESTRICTIVE FOR UPDATE
  USING (gaodi_role() = 'sysadmin');
--> statement-breakpoint
-- Platforms registered before partners were records: their partner names become partner rows,
-- matched to the directory by exact name in the platform's region (else a government body).
INSERT INTO platform_partners (region_code, platform_id, kind, role, enterprise_id, institute_id, name, sort_order)
SELECT p.region_code, p.id,
       CASE WHEN i.id IS NOT NULL THEN 'institute' WHEN e.id IS NOT NULL THEN 'enterprise' ELSE 'government' END,
       CASE WHEN n.ord = 1 THEN 'lead_builder' ELSE 'co_builder' END,
       CASE WHEN i.id IS NULL THEN e.id END, i.id, n.name, n.ord::int
FROM platforms p
CROSS JOIN LATERAL unnest(p.partners) WITH ORDINALITY AS n(name, ord)
LEFT JOIN LATERAL (SELECT id FROM institutes WHERE name = n.name ORDER BY region_code = p.region_code DESC LIMIT 1) i ON true
LEFT JOIN LATERAL (SELECT id FROM enterprises WHERE name = n.name AND region_code = p.region_code LIMIT 1) e ON true
WHERE NOT EXISTS (SELECT 1 FROM platform_partners x WHERE x.platform_id = p.id);
--> statement-breakpoint
UPDATE platforms p SET
  partner_enterprise_ids = COALESCE((SELECT array_agg(enterprise_id) FROM platform_partners x WHERE x.platform_id = p.id AND enterprise_id IS NOT NULL), '{}'),
  partner_institute_ids = COALESCE((SELECT array_agg(institute_id) FROM platform_partners x WHERE x.platform_id = p.id AND institute_id IS NOT NULL), '{}');
