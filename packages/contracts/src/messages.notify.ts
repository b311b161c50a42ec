/**
 * English for the texts of messages sent out of the app (e-mail, WeCom, DingTalk, SMS) and of the
 * channel settings and preferences (platform/notifications). Chinese is the id, as in messages.ts.
 */
export const NOTIFY_EN: Record<string, string> = {
  '【高地】': '[Gaodi] ',
  查看详情: 'Open the record',
  '请填写以 http:// 或 https:// 开头的地址': 'Enter an address starting with http:// or https://',
  '请填写 SMTP 服务器地址': 'Enter the SMTP server',
  请填写有效的发件人邮箱: 'Enter a valid sender address',
  '请填写机器人 key': 'Enter the robot key',
  '请填写 access_token': 'Enter the access_token',
  请填写加签密钥: 'Enter the signing secret',
  '请填写地域，如 ap-guangzhou': 'Enter the region, e.g. ap-guangzhou',
  '请填写短信应用 SdkAppId': 'Enter the SMS SdkAppId',
  请填写短信签名: 'Enter the SMS signature',
  '请填写模板 ID': 'Enter the template ID',
  '请填写 SecretId': 'Enter the SecretId',
  '请填写 SecretKey': 'Enter the SecretKey',
  请填写有效的邮箱地址: 'Enter a valid e-mail address',
  '请输入 11 位手机号': 'Enter an 11-digit mobile number',
  首次启用该通道时请填写密钥: 'Enter the secret when enabling this channel for the first time',
  '该通道尚未设置，请先保存设置': 'This channel is not set up yet: save its settings first',
  请填写接收测试消息的邮箱: 'Enter the e-mail address to send the test to',
  请填写接收测试消息的手机号: 'Enter the mobile number to send the test to',
  测试消息: 'Test message',
  '这是一条来自高地平台的测试消息，收到即表示该通道设置正确。':
    'This is a test message from Gaodi: if it arrived, the channel is set up correctly.',
};
