-- The inbox: a user reads, marks and deletes only their own notifications, but a request may notify
-- another user who works on the row's region (a hand-over tells the new helper, a proposal tells the
-- leaders). tenant_region keeps every row inside the sender's visible regions; the recipient must
-- see that region too (their own region or one above it).
CREATE OR REPLACE FUNCTION gaodi_user_sees_region(p_user uuid, p_region text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT EXISTS (
    SELECT FROM users u
    WHERE u.id = p_user AND NOT u.is_disabled AND p_region = ANY (gaodi_region_subtree(u.region_code))
  )
$$;
--> statement-breakpoint
DROP POLICY IF EXISTS notifications_own_only ON notifications;
--> statement-breakpoint
CREATE POLICY notifications_read_own ON notifications AS RESTRICTIVE FOR SELECT TO gaodi_app
  USING (user_id::text = current_setting('gaodi.user_id', true));
--> statement-breakpoint
CREATE POLICY notifications_update_own ON notifications AS RESTRICTIVE FOR UPDATE TO gaodi_app
  USING (user_id::text = current_setting('gaodi.user_id', true))
  WITH CHECK (user_id::text = current_setting('gaodi.user_id', true));
--> statement-breakpoint
CREATE POLICY notifications_delete_own ON notifications AS RESTRICTIVE FOR DELETE TO gaodi_app
  USING (user_id::text = current_setting('gaodi.user_id', true));
--> statement-breakpoint
CREATE POLICY notifications_to_region_users ON notifications AS RESTRICTIVE FOR INSERT TO gaodi_app
  WITH CHECK (gaodi_user_sees_region(user_id, region_code));
