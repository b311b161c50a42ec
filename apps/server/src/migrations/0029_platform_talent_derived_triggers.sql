-- Derived columns the lists, filters and figures read instead of computing per row (issue 12:
-- bench:platforms). They are kept in the writer's transaction by triggers, whichever code path
-- writes (service, import, demo, SQL); the functions are SECURITY DEFINER because a write by one
-- role (the system administrator's criteria) changes rows it may not see (platforms).
--
-- 实体化运营: one year's evidence meets the region's criteria, else the built-in ones (the same
-- numbers as DEFAULT_OPERATING_CRITERIA in contracts; innovation.int.test.ts checks they agree).
CREATE OR REPLACE FUNCTION gaodi_evidence_meets_criteria(e platform_evidence) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT e.staff >= COALESCE(c.min_staff, 10)
     AND e.area_m2 >= COALESCE(c.min_area_m2, 500)
     AND e.equipment_fen >= COALESCE(c.min_equipment_fen, 100000000)
     AND e.rd_spending_fen >= COALESCE(c.min_rd_spending_fen, 50000000)
     AND e.patents + e.standards + e.products + e.served_enterprises >= COALESCE(c.min_outputs, 3)
  FROM (SELECT 1) AS one LEFT JOIN platform_criteria c ON c.region_code = e.region_code
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_platform_evidence_judge() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  NEW.meets_criteria := gaodi_evidence_meets_criteria(NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER platform_evidence_judge BEFORE INSERT OR UPDATE ON platform_evidence
  FOR EACH ROW EXECUTE FUNCTION gaodi_platform_evidence_judge();
--> statement-breakpoint
-- A platform operates in year Y when its evidence of Y meets the criteria, or it has no evidence
-- of Y and that of Y - 1 meets them ("the newest evidence of the year or the year before").
CREATE OR REPLACE FUNCTION gaodi_platforms_refresh_operating(ids uuid[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  UPDATE platforms p SET operating_years = d.years, latest_evidence_year = d.latest
  FROM (
    SELECT x.id,
      COALESCE((SELECT array_agg(s.y ORDER BY s.y) FROM (
        SELECT e.year AS y FROM platform_evidence e WHERE e.platform_id = x.id AND e.meets_criteria
        UNION
        SELECT e.year + 1 FROM platform_evidence e WHERE e.platform_id = x.id AND e.meets_criteria
          AND NOT EXISTS (SELECT 1 FROM platform_evidence n WHERE n.platform_id = x.id AND n.year = e.year + 1)
      ) s), '{}') AS years,
      (SELECT max(e.year) FROM platform_evidence e WHERE e.platform_id = x.id) AS latest
    FROM (SELECT DISTINCT unnest(ids) AS id) x
  ) d
  WHERE p.id = d.id
    AND (p.operating_years IS DISTINCT FROM d.years OR p.latest_evidence_year IS DISTINCT FROM d.latest)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_platform_evidence_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM gaodi_platforms_refresh_operating(ARRAY(SELECT platform_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM gaodi_platforms_refresh_operating(ARRAY(SELECT platform_id FROM new_rows UNION SELECT platform_id FROM old_rows));
  ELSE
    PERFORM gaodi_platforms_refresh_operating(ARRAY(SELECT platform_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER platform_evidence_inserted AFTER INSERT ON platform_evidence
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_evidence_changed();
--> statement-breakpoint
CREATE TRIGGER platform_evidence_updated AFTER UPDATE ON platform_evidence
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_evidence_changed();
--> statement-breakpoint
CREATE TRIGGER platform_evidence_deleted AFTER DELETE ON platform_evidence
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_evidence_changed();
--> statement-breakpoint
-- New criteria re-judge the region's evidence (which refreshes its platforms) in the same transaction.
CREATE OR REPLACE FUNCTION gaodi_platform_criteria_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE platform_evidence e SET meets_criteria = gaodi_evidence_meets_criteria(e)
    WHERE e.region_code IN (SELECT region_code FROM old_rows);
  ELSE
    UPDATE platform_evidence e SET meets_criteria = gaodi_evidence_meets_criteria(e)
    WHERE e.region_code IN (SELECT region_code FROM new_rows);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER platform_criteria_inserted AFTER INSERT ON platform_criteria
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_criteria_changed();
--> statement-breakpoint
CREATE TRIGGER platform_criteria_updated AFTER UPDATE ON platform_criteria
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_criteria_changed();
--> statement-breakpoint
CREATE TRIGGER platform_criteria_deleted AFTER DELETE ON platform_criteria
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_criteria_changed();
--> statement-breakpoint
-- The newest assessment's grade, for the list.
CREATE OR REPLACE FUNCTION gaodi_platforms_refresh_grade(ids uuid[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  UPDATE platforms p
  SET latest_grade = (SELECT a.grade FROM platform_assessments a WHERE a.platform_id = p.id ORDER BY a.year DESC LIMIT 1)
  WHERE p.id = ANY(ids)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_platform_assessments_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM gaodi_platforms_refresh_grade(ARRAY(SELECT DISTINCT platform_id FROM old_rows));
  ELSE
    PERFORM gaodi_platforms_refresh_grade(ARRAY(SELECT DISTINCT platform_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER platform_assessments_inserted AFTER INSERT ON platform_assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_assessments_changed();
--> statement-breakpoint
CREATE TRIGGER platform_assessments_updated AFTER UPDATE ON platform_assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_assessments_changed();
--> statement-breakpoint
CREATE TRIGGER platform_assessments_deleted AFTER DELETE ON platform_assessments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_platform_assessments_changed();
--> statement-breakpoint
-- Talents: the years of their leading programmes (泰山产业领军人才…) and whether they are high-level
-- (a doctorate, a 副高级+ title or any programme), the definitions of talent-sql.ts.
CREATE OR REPLACE FUNCTION gaodi_talent_derive() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'INSERT' THEN -- a new talent has no awards yet (they reference it): no lookups on bulk imports
    NEW.leading_years := '{}';
    NEW.is_high_level := NEW.degree = 'phd' OR NEW.title_rank IN ('senior', 'associate');
    RETURN NEW;
  END IF;
  NEW.leading_years := ARRAY(
    SELECT DISTINCT a.year FROM talent_awards a JOIN talent_programmes g ON g.id = a.programme_id
    WHERE a.talent_id = NEW.id AND g.is_leading ORDER BY a.year);
  NEW.is_high_level := NEW.degree = 'phd' OR NEW.title_rank IN ('senior', 'associate')
    OR EXISTS (SELECT 1 FROM talent_awards a WHERE a.talent_id = NEW.id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER talents_derive BEFORE INSERT OR UPDATE ON talents
  FOR EACH ROW EXECUTE FUNCTION gaodi_talent_derive();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_talent_awards_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE talents t SET leading_years = t.leading_years WHERE t.id IN (SELECT talent_id FROM old_rows);
  ELSE
    UPDATE talents t SET leading_years = t.leading_years WHERE t.id IN (SELECT talent_id FROM new_rows);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER talent_awards_inserted AFTER INSERT ON talent_awards
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_talent_awards_changed();
--> statement-breakpoint
CREATE TRIGGER talent_awards_updated AFTER UPDATE ON talent_awards
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_talent_awards_changed();
--> statement-breakpoint
CREATE TRIGGER talent_awards_deleted AFTER DELETE ON talent_awards
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gaodi_talent_awards_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_talent_programme_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  UPDATE talents t SET leading_years = t.leading_years
  WHERE t.id IN (SELECT a.talent_id FROM talent_awards a WHERE a.programme_id = NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER talent_programmes_leading_changed AFTER UPDATE OF is_leading ON talent_programmes
  FOR EACH ROW WHEN (OLD.is_leading IS DISTINCT FROM NEW.is_leading)
  EXECUTE FUNCTION gaodi_talent_programme_changed();
--> statement-breakpoint
-- Rows written before these columns existed.
UPDATE platform_evidence e SET meets_criteria = gaodi_evidence_meets_criteria(e);
--> statement-breakpoint
UPDATE platform_assessments SET grade = grade;
--> statement-breakpoint
UPDATE talents SET leading_years = leading_years;
--> statement-breakpoint
-- Lists in their display order, so a page reads its rows from the index and stops: platforms 1 → 4
-- → N then by name (list-platforms.ts), an industry's talents leading first, then high-level, then
-- by name (talent-rows.ts LEADING_FIRST). The expressions must stay those of the ORDER BY.
CREATE INDEX platforms_display_order_idx ON platforms
  ((CASE tier WHEN 'comprehensive' THEN 0 WHEN 'leading' THEN 1 ELSE 2 END), name, id);
--> statement-breakpoint
CREATE INDEX talents_industry_rank_idx ON talents
  (industry_id, (cardinality(leading_years) > 0) DESC, is_high_level DESC, name, id);
