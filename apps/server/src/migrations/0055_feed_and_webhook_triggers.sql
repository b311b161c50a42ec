-- The exchange feed (issue 16): a row in change_feed for every change of a fed record, in the
-- writer's transaction, stamped with the writer's transaction id. Readers take rows in (txid, id)
-- order only below their snapshot's xmin: every transaction with a smaller id has then ended, so
-- a row can never appear behind a cursor already handed out (see docs/ARCHITECTURE.md).
-- TG_ARGV[0]: the feed's entity name; TG_ARGV[1..]: the key columns (default id).
CREATE OR REPLACE FUNCTION gaodi_feed_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  v_new jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
  v_old jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  v_row jsonb := coalesce(v_new, v_old);
  v_key text;
  v_changed text[];
BEGIN
  IF TG_NARGS > 1 THEN
    SELECT string_agg(v_row ->> k, ':') INTO v_key FROM unnest(TG_ARGV[1:]) AS k;
  ELSE
    v_key := v_row ->> 'id';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(n.key ORDER BY n.key) INTO v_changed
    FROM jsonb_each(v_new) n
    WHERE n.value IS DISTINCT FROM v_old -> n.key
      AND n.key NOT IN ('search_text', 'version', 'changed_fields', 'updated_at', 'checked_at');
    IF v_changed IS NULL THEN RETURN NULL; END IF;
  END IF;
  -- Personal data (phones, contact names, ID numbers, their keyed hashes) never enters the feed:
  -- a reader fetches the record through its API, which masks it for roles that may not see it.
  IF v_new IS NOT NULL THEN
    SELECT jsonb_object_agg(n.key, n.value) INTO v_new FROM jsonb_each(v_new) n
    WHERE n.key NOT IN ('search_text', 'version', 'changed_fields')
      AND n.key !~ '(phone|contact|id_number|_hash|_enc|password|secret)';
  END IF;
  INSERT INTO change_feed (region_code, txid, entity, entity_id, op, data, changed)
  VALUES (v_row ->> 'region_code', pg_current_xact_id()::text::bigint, TG_ARGV[0], v_key, lower(TG_OP),
          v_new, v_changed);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER feed_enterprises AFTER INSERT OR UPDATE OR DELETE ON enterprises
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('enterprise');
--> statement-breakpoint
CREATE TRIGGER feed_institutes AFTER INSERT OR UPDATE OR DELETE ON institutes
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('institute');
--> statement-breakpoint
CREATE TRIGGER feed_recruitment_records AFTER INSERT OR UPDATE OR DELETE ON recruitment_records
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('recruitment');
--> statement-breakpoint
CREATE TRIGGER feed_tech_needs AFTER INSERT OR UPDATE OR DELETE ON tech_needs
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('need');
--> statement-breakpoint
CREATE TRIGGER feed_achievements AFTER INSERT OR UPDATE OR DELETE ON achievements
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('achievement');
--> statement-breakpoint
CREATE TRIGGER feed_cooperation_projects AFTER INSERT OR UPDATE OR DELETE ON cooperation_projects
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('project');
--> statement-breakpoint
CREATE TRIGGER feed_platforms AFTER INSERT OR UPDATE OR DELETE ON platforms
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('platform');
--> statement-breakpoint
CREATE TRIGGER feed_matchmaking_events AFTER INSERT OR UPDATE OR DELETE ON matchmaking_events
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('event');
--> statement-breakpoint
CREATE TRIGGER feed_indicator_snapshots AFTER INSERT OR UPDATE OR DELETE ON indicator_snapshots
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('indicator_snapshot', 'period', 'code');
--> statement-breakpoint
-- Lights are refreshed after every write; only a changed colour is a change.
CREATE TRIGGER feed_supervision_lights AFTER INSERT OR DELETE ON supervision_lights
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_change('light', 'item_type', 'item_id');
--> statement-breakpoint
CREATE TRIGGER feed_supervision_lights_changed AFTER UPDATE OF light ON supervision_lights
  FOR EACH ROW WHEN (OLD.light IS DISTINCT FROM NEW.light)
  EXECUTE FUNCTION gaodi_feed_change('light', 'item_type', 'item_id');
--> statement-breakpoint
-- Webhooks (issue 16): every change_feed row that is an event some subscription takes becomes an
-- outbox row (channel 'webhook', target = the subscription) in the same transaction as the change;
-- the outbox's worker delivers, retries and logs it. A subscription takes the events of its region
-- and the regions below (gaodi_region_subtree), like its region's users read them.
CREATE OR REPLACE FUNCTION gaodi_feed_to_webhooks() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
  v_events text[] := '{}';
  v_stage text := NEW.data ->> 'stage';
BEGIN
  IF NEW.op = 'insert' AND NEW.entity IN ('enterprise', 'institute', 'recruitment', 'need', 'achievement',
                                          'project', 'platform', 'event') THEN
    v_events := array_append(v_events, 'record.created');
  END IF;
  IF NEW.op = 'update' AND 'stage' = ANY(NEW.changed) THEN
    v_events := array_append(v_events, 'stage.moved');
  END IF;
  IF NEW.entity = 'project' AND v_stage = 'landed' AND (NEW.op = 'insert' OR 'stage' = ANY(NEW.changed)) THEN
    v_events := array_append(v_events, 'project.landed');
  END IF;
  IF NEW.entity = 'light' AND NEW.data ->> 'light' = 'red' THEN
    v_events := array_append(v_events, 'light.red');
  END IF;
  IF NEW.entity = 'indicator_snapshot' AND NEW.op = 'insert' THEN
    v_events := array_append(v_events, 'indicator.frozen');
  END IF;
  IF cardinality(v_events) = 0 THEN RETURN NULL; END IF;
  INSERT INTO outbox (region_code, channel, kind, payload, target, next_attempt_at, created_at)
  SELECT s.region_code, 'webhook', e.event,
         jsonb_strip_nulls(jsonb_build_object(
           'event', e.event, 'entity', NEW.entity, 'id', NEW.entity_id, 'regionCode', NEW.region_code,
           'op', NEW.op, 'stage', v_stage, 'light', NEW.data ->> 'light',
           'itemType', NEW.data ->> 'item_type', 'itemId', NEW.data ->> 'item_id',
           'period', NEW.data ->> 'period', 'code', NEW.data ->> 'code',
           'at', NEW.at, 'cursor', NEW.txid || '.' || NEW.id)),
         s.id::text, now(), now()
  FROM webhook_subscriptions s CROSS JOIN unnest(v_events) AS e(event)
  WHERE e.event = ANY(s.events) AND NEW.region_code = ANY(gaodi_region_subtree(s.region_code));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER feed_to_webhooks AFTER INSERT ON change_feed
  FOR EACH ROW EXECUTE FUNCTION gaodi_feed_to_webhooks();
