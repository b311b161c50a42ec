import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  /** PostgreSQL connection string; absent → embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Directory of the built web UI served at `/`; absent build → API only. */
  webDist: string;
  isProduction: boolean;
  /** Cookies get `Secure` when the site is served over HTTPS (behind a proxy that says so). */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** The site's address as users reach it: links in e-mail, WeCom, DingTalk and SMS messages. */
  publicUrl: string;
};

/** Reads configuration from the environment, with a local default for every setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = resolve(import.meta.dirname, '../../../..');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(root, env.GAODI_DATA_DIR ?? '.data'),
    webDist: resolve(root, 'apps/web/dist'),
    isProduction: env.NODE_ENV === 'production',
    trustProxy: env.GAODI_TRUST_PROXY === '1',
    sessionIdleMinutes: Number(env.GAODI_SESSION_IDLE_MINUTES ?? 30),
    loginRateLimitPerMinute: Number(env.GAODI_LOGIN_RATE_LIMIT ?? 30),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: env.GAODI_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
  };
}
