/** Two-step sign-in (TOTP): the code step, enrolment, recovery codes, the security admin's reset. */
export const mfaMessages = {
  'mfa.title': ['两步验证', 'Two-step sign-in'],
  'mfa.codeTitle': ['输入验证码', 'Enter your code'],
  'mfa.codeIntro': [
    '请打开身份验证器应用（如 Microsoft Authenticator、Google 身份验证器），输入账号 {name} 当前显示的 6 位数字；手机不在身边时可输入一个恢复码。',
    'Open your authenticator app (Microsoft Authenticator, Google Authenticator…) and enter the 6 digits it shows now for {name}; without your phone, enter a recovery code.',
  ],
  'mfa.code': ['验证码或恢复码', 'Code or recovery code'],
  'mfa.codeRequired': ['请输入验证码', 'Enter the code'],
  'mfa.verify': ['验证', 'Verify'],
  'mfa.enrolTitle': ['请先设置两步验证', 'Set up two-step sign-in first'],
  'mfa.enrolIntro': [
    '管理员和领导账号登录时除密码外还须输入身份验证器应用生成的验证码。',
    'Administrator and leader accounts enter a code from an authenticator app besides the password.',
  ],
  'mfa.optionalIntro': [
    '启用后，每次登录除密码外还须输入身份验证器应用生成的验证码。',
    'Once set up, every sign-in asks for a code from your authenticator app besides the password.',
  ],
  'mfa.start': ['开始设置', 'Start'],
  'mfa.scan': [
    '用身份验证器应用扫描二维码，或手动输入下面的密钥；然后输入应用显示的 6 位数字。',
    'Scan the QR code with your authenticator app, or type in the key below; then enter the 6 digits it shows.',
  ],
  'mfa.secret': ['密钥', 'Key'],
  'mfa.confirm': ['确认启用', 'Turn on'],
  'mfa.recoveryTitle': ['恢复码（只显示这一次）', 'Recovery codes (shown this once)'],
  'mfa.recoveryIntro': [
    '请抄写或打印并妥善保管。手机丢失时，每个恢复码可代替验证码使用一次。',
    'Write them down or print them and keep them safe. If you lose your phone, each one replaces a code once.',
  ],
  'mfa.recoverySaved': ['我已保存恢复码', 'I have saved them'],
  'mfa.enabled': ['已启用', 'On'],
  'mfa.disabled': ['未启用', 'Off'],
  'mfa.required': ['本角色必须启用', 'Required for this role'],
  'mfa.renew': ['重新生成恢复码', 'New recovery codes'],
  'mfa.renewConfirm': [
    '旧的恢复码将全部作废，确定重新生成？',
    'All old recovery codes stop working. Continue?',
  ],
  'mfa.reset': ['重置两步验证', 'Reset two-step sign-in'],
  'mfa.resetConfirm': [
    '重置后该用户当前登录失效，下次登录须重新设置两步验证。确定重置？',
    'The user is signed out and sets up two-step sign-in again at next sign-in. Reset?',
  ],
  'mfa.resetDone': ['已重置两步验证', 'Two-step sign-in reset'],
} as const satisfies Record<string, readonly [string, string]>;
