-- The transactional outbox for notifications (issue 16): every inbox row written fans out, in the
-- same transaction, to one outbox row per delivery channel its region has enabled and its
-- recipient takes for that event group (notification_preferences.events; a channel absent there:
-- every group, except SMS, which by default carries red escalations only). The payload keeps what
-- the channel needs: the recipient's address, language and quiet hours. Statement-level, so a
-- lights run's thousands of messages are one INSERT … SELECT. SECURITY DEFINER: a request may
-- notify a user whose preferences and whose region's channels it may not read.
CREATE OR REPLACE FUNCTION gaodi_notifications_to_outbox() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
  INSERT INTO outbox (region_code, channel, recipient_id, notification_id, kind, payload, next_attempt_at, created_at)
  SELECT n.region_code, c.channel, n.user_id, n.id, n.kind,
    jsonb_build_object(
      'title', n.title, 'body', n.body, 'link', n.link,
      'lang', coalesce(p.lang, 'zh'),
      'to', CASE WHEN c.channel = 'email' THEN p.email ELSE coalesce(p.phone, u.phone) END,
      'urgent', n.kind IN ('supervision.lead', 'supervision.leader'),
      'quietFrom', coalesce(p.quiet_from, 1320), 'quietTo', coalesce(p.quiet_to, 420)),
    n.created_at, n.created_at
  FROM fresh n
  JOIN users u ON u.id = n.user_id AND NOT u.is_disabled
  JOIN notification_channels c ON c.region_code = n.region_code AND c.enabled
  LEFT JOIN notification_preferences p ON p.user_id = n.user_id
  WHERE CASE WHEN p.events ? c.channel THEN (p.events -> c.channel) ? split_part(n.kind, '.', 1)
             ELSE c.channel <> 'sms' OR n.kind IN ('supervision.lead', 'supervision.leader') END
    AND (c.channel <> 'email' OR p.email IS NOT NULL)
    AND (c.channel <> 'sms' OR coalesce(p.phone, u.phone) IS NOT NULL)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_to_outbox AFTER INSERT ON notifications
  REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION gaodi_notifications_to_outbox();
