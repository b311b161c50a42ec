-- Hash-chained audit log (issue 9). Every row carries its place in its region's chain
-- (chain_seq), the previous row's hash (prev_hash) and its own (row_hash = SHA-256 of prev_hash and
-- the row's canonical text). The BEFORE INSERT trigger locks the region's chain head FOR UPDATE, so
-- concurrent writers of a region line up and the chain cannot fork; it overwrites whatever chain
-- values an INSERT brings. npm run audit:verify and the audit admin's 校验 recompute the chain with
-- their own copy of the canonical text (platform/audit/audit-chain.ts) and report a changed, deleted
-- or inserted row by region and place; daily anchors (each region's last hash at the end of a day)
-- are exported, so even a rewritten chain shows against an anchor kept elsewhere.
CREATE OR REPLACE FUNCTION gaodi_audit_canonical(r audit_log) RETURNS text
  LANGUAGE sql STABLE AS
$$
  SELECT jsonb_build_array(r.id, r.region_code, r.chain_seq,
    to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.actor_id, r.actor_name, r.action,
    r.target_type, r.target_id, r.result, r.client_address, r.detail)::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gaodi_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE v_seq bigint;
DECLARE v_hash text;
BEGIN
  INSERT INTO audit_chain_heads (chain_region) VALUES (NEW.region_code) ON CONFLICT DO NOTHING;
  SELECT last_seq, last_hash INTO v_seq, v_hash FROM audit_chain_heads
  WHERE chain_region = NEW.region_code FOR UPDATE;
  NEW.chain_seq := v_seq + 1;
  NEW.prev_hash := v_hash;
  NEW.row_hash := encode(sha256(convert_to(NEW.prev_hash || gaodi_audit_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_heads SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash
  WHERE chain_region = NEW.region_code;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- The rows written before this migration start each region's chain, in id order.
DO $$
DECLARE r audit_log%ROWTYPE;
DECLARE v_seq bigint;
DECLARE v_hash text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    INSERT INTO audit_chain_heads (chain_region) VALUES (r.region_code) ON CONFLICT DO NOTHING;
    SELECT last_seq, last_hash INTO v_seq, v_hash FROM audit_chain_heads WHERE chain_region = r.region_code;
    r.chain_seq := v_seq + 1;
    r.prev_hash := v_hash;
    r.row_hash := encode(sha256(convert_to(r.prev_hash || gaodi_audit_canonical(r), 'UTF8')), 'hex');
    UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash WHERE id = r.id;
    UPDATE audit_chain_heads SET last_seq = r.chain_seq, last_hash = r.row_hash WHERE chain_region = r.region_code;
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION gaodi_audit_chain();
--> statement-breakpoint
-- No UPDATE or DELETE of audit rows, whoever asks (the owner too; a tamper test disables this first).
CREATE OR REPLACE FUNCTION gaodi_audit_frozen() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_frozen BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION gaodi_audit_frozen();
--> statement-breakpoint
-- The chain heads of the regions an audit admin sees (for the end of each chain: rows deleted at
-- the end leave the head ahead of the last row).
CREATE OR REPLACE FUNCTION gaodi_audit_heads()
  RETURNS TABLE (chain_region text, last_seq bigint, last_hash text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT h.chain_region, h.last_seq, h.last_hash FROM audit_chain_heads h
  WHERE gaodi_role() = 'auditadmin' AND gaodi_visible(h.chain_region)
$$;
