import type { FastifyRequest } from 'fastify';

export type Lang = 'zh' | 'en';

/** The user's language: the `gaodi_lang` cookie the UI sets, else Accept-Language, else Chinese. */
export function langOf(request: FastifyRequest): Lang {
  const cookie = (request.cookies as Record<string, string | undefined> | undefined)?.gaodi_lang;
  if (cookie === 'en' || cookie === 'zh') return cookie;
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header) ? 'en' : 'zh';
}
