import { checkInput, englishMessage, translateMessage } from '@gaodi/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Lang, langOf } from '../i18n/lang.ts';

export type FieldProblem = { path: string; message: string };

/** An error the client caused or may see; becomes the API's one error shape. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

const MESSAGES: Record<string, Record<Lang, string>> = {
  VALIDATION: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF: { zh: '请求校验失败，请刷新页面后重试', en: 'Request verification failed; reload the page' },
  NOT_FOUND: { zh: '记录不存在或无权查看', en: 'Not found' },
  CONFLICT: { zh: '与已有记录冲突', en: 'Conflicts with an existing record' },
  REFERENCE: { zh: '引用的记录不存在', en: 'A referenced record does not exist' },
  TOO_LARGE: { zh: '提交的内容过大', en: 'Request too large' },
  MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  API_KEY: {
    zh: 'API 密钥无效、已过期或已吊销',
    en: 'The API key is invalid, expired or revoked',
  },
  RATE_LIMIT: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { zh: '服务器内部错误', en: 'Internal server error' },
  IDEMPOTENCY_KEY: {
    zh: '请求标识（Idempotency-Key）无效',
    en: 'Invalid Idempotency-Key header',
  },
  IDEMPOTENCY_MISMATCH: {
    zh: '同一请求标识已用于另一份提交，请刷新页面后重试',
    en: 'This Idempotency-Key was used for another submission; reload and try again',
  },
  IDEMPOTENCY_BUSY: {
    zh: '相同的提交仍在处理中，请稍后刷新查看',
    en: 'The same submission is still being processed; reload in a moment',
  },
  PAIRING_SIGNED: {
    zh: '该对接记录已签约立项，不能再次立项',
    en: 'A project was already signed from this pairing',
  },
  VERSION_CONFLICT: {
    zh: '该记录已被他人修改，请刷新查看最新内容后再改',
    en: 'Someone else changed this record; reload to see the latest version, then edit again',
  },
  DISK_FULL: {
    zh: '服务器存储空间已满，本次内容未保存（此前已保存的内容不受影响）；请联系系统管理员清理磁盘后重试',
    en: 'The server’s storage is full: this was not saved (what was saved before is safe); ask the system administrator to free disk space, then try again',
  },
  DB_UNAVAILABLE: {
    zh: '数据库暂时不可用，请稍后重试（通常几秒内恢复，已保存的内容不受影响）',
    en: 'The database is briefly unavailable; try again in a few seconds (what was saved is safe)',
  },
};

/**
 * The database is away (restarting, failing over, unreachable): PostgreSQL's connection and
 * shutdown classes (08…, 57P01–57P03) and the driver's socket errors. 503 with Retry-After; the
 * pool replaces its connections once the database answers again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown };
  const code = e?.code ?? '';
  if (/^08|^57P0[123]$/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
    return true;
  const text = e?.message ?? '';
  if (
    /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/.test(
      text,
    )
  )
    return true;
  return e?.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause);
}

/** No space left: the file system (ENOSPC, EDQUOT) or PostgreSQL's disk_full (53100). Nothing of the write was kept. */
export function isDiskFull(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown };
  if (['ENOSPC', 'EDQUOT', '53100'].includes(e?.code ?? '')) return true;
  return e?.cause !== undefined && e.cause !== error && isDiskFull(e.cause);
}

export function message(code: string, lang: Lang): string {
  return MESSAGES[code]?.[lang] ?? MESSAGES.INTERNAL?.[lang] ?? code;
}

export const notFound = (lang: Lang = 'zh') => new AppError(404, 'NOT_FOUND', message('NOT_FOUND', lang));
export const forbidden = (lang: Lang = 'zh') => new AppError(403, 'FORBIDDEN', message('FORBIDDEN', lang));
export function invalid(fields: FieldProblem[], lang: Lang = 'zh') {
  return new AppError(400, 'VALIDATION', message('VALIDATION', lang), fields);
}

type PgError = { code?: string; constraint?: string; detail?: string };

type ValidationItem = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

const zodEnglish = z.locales.en().localeError as unknown as (issue: Record<string, unknown>) => unknown;

/**
 * A request validation problem in the user's language. Messages the code wrote (refinements,
 * `.regex(re, '…')`) come from the message catalog; zod's own messages are rendered again with
 * zod's English locale from the issue fastify-type-provider-zod keeps in `params` (its `input`,
 * which zod drops, is read back from the request at the issue's path).
 */
function validationMessage(
  item: ValidationItem,
  request: FastifyRequest,
  context: string | undefined,
  lang: Lang,
) {
  const text = item.message ?? '';
  if (lang === 'zh') return text;
  const own = englishMessage(text);
  if (own !== null) return own;
  if (item.keyword !== 'custom') {
    const path = item.instancePath.split('/').filter(Boolean);
    const issue = {
      ...item.params,
      code: item.keyword,
      path,
      input: valueAt(requestPart(request, context), path),
    };
    const rendered = zodEnglish(issue);
    const english =
      typeof rendered === 'string' ? rendered : (rendered as { message?: string } | null)?.message;
    if (english) return english;
  }
  return translateMessage(text, lang);
}

/**
 * The request part checked again with the route's contract through `checkInput`, which words each
 * problem with the field's label and what to do, exactly as the forms do before sending.
 */
function wordedProblems(request: FastifyRequest, context: string | undefined, lang: Lang) {
  const key = context === 'querystring' ? 'querystring' : context === 'headers' ? 'headers' : 'body';
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[key];
  if (!(schema instanceof z.ZodType)) return null;
  const checked = checkInput(schema, requestPart(request, context), lang);
  return checked.ok ? null : checked.problems;
}

function requestPart(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

function valueAt(root: unknown, path: string[]): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[decodeURIComponent(key.replaceAll('~1', '/').replaceAll('~0', '~'))];
  }
  return at;
}

/** Translates field messages (and an AppError's own text) the code wrote in Chinese. */
function localizeFields(fields: FieldProblem[] | undefined, lang: Lang): FieldProblem[] | undefined {
  if (!fields || lang === 'zh') return fields;
  return fields.map((f) => ({ ...f, message: translateMessage(f.message, lang) }));
}

/**
 * Import previews answer 200 with per-row `problems: [{ row | line, column?, message }]`; their
 * reasons are written in Chinese by the modules. A preSerialization hook (app.ts) passes them
 * through the same catalog as the error fields, in the request's language.
 */
export async function localizeProblems(request: FastifyRequest, _reply: FastifyReply, payload: unknown) {
  const lang = langOf(request);
  if (lang === 'zh' || payload === null || typeof payload !== 'object') return payload;
  const problems = (payload as { problems?: unknown }).problems;
  if (!Array.isArray(problems)) return payload;
  return {
    ...payload,
    problems: problems.map((p) =>
      p !== null && typeof p === 'object' && typeof (p as { message?: unknown }).message === 'string'
        ? { ...p, message: translateMessage((p as { message: string }).message, lang) }
        : p,
    ),
  };
}

/** A stale If-Match (the row-version trigger): 409 with the current version and what its last change touched. */
function sendConflict(error: Error, reply: FastifyReply, lang: Lang) {
  const detail = (error as PgError).detail ?? (error as { cause?: PgError }).cause?.detail ?? '{}';
  const current = JSON.parse(detail) as { version: number; changed: string[] };
  reply.header('etag', `"${current.version}"`);
  return reply.status(409).send({
    statusCode: 409,
    code: 'VERSION_CONFLICT',
    message: message('VERSION_CONFLICT', lang),
    current,
  });
}

/** Maps any thrown error to the API's error shape. Bad input is 4xx; only our own faults are 5xx. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(request);
  const send = (statusCode: number, code: string, fields?: FieldProblem[], text?: string) =>
    reply.status(statusCode).send({ statusCode, code, message: text ?? message(code, lang), fields });

  if (error instanceof AppError)
    return send(
      error.statusCode,
      error.code,
      localizeFields(error.fields, lang),
      translateMessage(error.message, lang),
    );
  if (hasZodFastifySchemaValidationErrors(error)) {
    // A path id that cannot exist (not a UUID) names no resource: 404, like an unknown id.
    if ((error as FastifyError).validationContext === 'params') return send(404, 'NOT_FOUND');
    const context = (error as FastifyError).validationContext;
    const worded = wordedProblems(request, context, lang);
    if (worded) return send(400, 'VALIDATION', worded);
    const fields = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: validationMessage(v, request, context, lang),
    }));
    return send(400, 'VALIDATION', fields);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause?.issues }, 'response does not match its contract');
    return send(500, 'INTERNAL');
  }
  const fastifyCode = (error as FastifyError).code;
  const statusCode = (error as FastifyError).statusCode;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) return send(413, 'TOO_LARGE');
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || statusCode === 415) return send(415, 'MEDIA_TYPE');
  if (statusCode === 429) return send(429, 'RATE_LIMIT');
  const pgCode =
    (error as PgError).code ?? ((error as { cause?: PgError }).cause?.code as string | undefined);
  if (pgCode === 'GA409') return sendConflict(error, reply, lang);
  switch (pgCode) {
    case '23505':
      return send(409, 'CONFLICT');
    case '23503':
      return send(400, 'REFERENCE');
    case '22P02':
    case '22P05':
    case '22021':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
      return send(400, 'VALIDATION');
    case '42501':
      return send(403, 'FORBIDDEN');
  }
  if (statusCode && statusCode >= 400 && statusCode < 500)
    return send(statusCode, 'VALIDATION', undefined, error.message);
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error.message }, 'database unavailable');
    reply.header('retry-after', '5');
    return send(503, 'DB_UNAVAILABLE');
  }
  if (isDiskFull(error)) {
    request.log.error({ err: error.message }, 'disk full: write refused');
    return send(507, 'DISK_FULL');
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, 'INTERNAL');
}
