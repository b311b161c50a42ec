-- A date that records something done (the pipelines' isNotFuture requirements: signed_on, landed_on,
-- graduated_on) may not lie in the future, whoever writes it. A CHECK cannot call now() reliably (it
-- is re-checked on restore and must be immutable), so a trigger checks the values a write sets or
-- changes. "Today" is China's day of the later of the database clock and the application clock
-- (gaodi.now): an injected clock ahead of the database can only make the rule looser by its offset,
-- never refuse a date the application itself calls today. Columns are the trigger's arguments.
CREATE OR REPLACE FUNCTION gaodi_done_date_not_future() RETURNS trigger
  LANGUAGE plpgsql AS
$$
DECLARE
  today date := ((greatest(now(), coalesce(nullif(current_setting('gaodi.now', true), '')::timestamptz, now()))
    AT TIME ZONE 'UTC') + interval '8 hours')::date;
  col text;
  value text;
BEGIN
  FOREACH col IN ARRAY TG_ARGV LOOP
    value := to_jsonb(NEW) ->> col;
    IF value IS NOT NULL AND value::date > today
       AND (TG_OP = 'INSERT' OR value IS DISTINCT FROM (to_jsonb(OLD) ->> col)) THEN
      RAISE EXCEPTION '% % is in the future (today %): a done date may not be', TG_TABLE_NAME, col, today
        USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_' || col || '_not_future';
    END IF;
  END LOOP;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cooperation_projects_done_dates BEFORE INSERT OR UPDATE ON cooperation_projects
  FOR EACH ROW EXECUTE FUNCTION gaodi_done_date_not_future('signed_on', 'landed_on');
--> statement-breakpoint
CREATE TRIGGER recruitment_records_done_dates BEFORE INSERT OR UPDATE ON recruitment_records
  FOR EACH ROW EXECUTE FUNCTION gaodi_done_date_not_future('signed_on');
--> statement-breakpoint
CREATE TRIGGER incubatees_done_dates BEFORE INSERT OR UPDATE ON incubatees
  FOR EACH ROW EXECUTE FUNCTION gaodi_done_date_not_future('graduated_on');
