/**
 * English for the texts of messages sent out of the app (e-mail, WeCom, DingTalk, SMS) and of the
 * channel settings and preferences (platform/notifications). Chinese is the id, as in messages.ts.
 */
export const NOTIFY_EN: Record<string, string> = {
  '【高地】': '[Gaodi] ',
  查看详情: 'Open the record',
};
