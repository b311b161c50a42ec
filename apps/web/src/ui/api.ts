import {
  ApiError as ApiErrorShape,
  pathOf,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '@gaodi/contracts';
import type { z } from 'zod';

export type FieldProblem = { path: string; message: string };

/** A 409 VERSION_CONFLICT's body: the record's current version and the columns its last change touched. */
export type VersionConflict = { version: number; changed: string[] };

/** The API's one error shape (`{statusCode, code, message, fields?}`) as a thrown value. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  /** Set on a 409 VERSION_CONFLICT (a stale If-Match): what the record is now. */
  current: VersionConflict | null = null;

  constructor(statusCode: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Query parameters; empty values are left out. */
export type Query = object;

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The token from GET /api/auth/session (or /me); sent back as `x-csrf-token` on every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called on any 401 (session expired or missing), e.g. to go to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

/** `?a=1&b=x` without empty values, so URLs stay short and the server applies its defaults. */
export function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    if (value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type Options = {
  query?: Query;
  body?: unknown;
  form?: FormData;
  /** False for calls where 401 is an expected answer (login with a wrong password). */
  redirectOn401?: boolean;
  /** Sent as `Idempotency-Key`: the server answers a repeat of the key with the first answer. */
  idempotencyKey?: string;
  /** Sent as `If-Match`: the version (ETag) an edit was made on; a stale one is refused with 409. */
  ifMatch?: string;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(method: string, path: string, options: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${path}${toSearch(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      navigator.onLine ? '无法连接服务器，请稍后重试' : '网络已断开，请检查网络连接',
    );
  }
  if (!response.ok) throw await toApiError(response, options.redirectOn401 !== false);
  return response;
}

async function toApiError(response: Response, redirectOn401: boolean): Promise<ApiError> {
  let error: ApiError;
  try {
    const body: unknown = await response.json();
    const parsed = ApiErrorShape.safeParse(body);
    error = parsed.success
      ? new ApiError(parsed.data.statusCode, parsed.data.code, parsed.data.message, parsed.data.fields ?? [])
      : new ApiError(response.status, 'HTTP', `${response.status} ${response.statusText}`);
    if (error.code === 'VERSION_CONFLICT') error.current = conflictOf(body);
  } catch {
    error = new ApiError(response.status, 'HTTP', `${response.status} ${response.statusText}`);
  }
  if (response.status === 401 && redirectOn401) onUnauthorized?.();
  return error;
}

function conflictOf(body: unknown): VersionConflict {
  const current = (body as { current?: Partial<VersionConflict> } | null)?.current;
  return {
    version: typeof current?.version === 'number' ? current.version : 0,
    changed: Array.isArray(current?.changed) ? current.changed.filter((c) => typeof c === 'string') : [],
  };
}

/**
 * The version (`ETag`) each answer of a versioned record was read at, by the parsed answer object:
 * an edit form takes the version of the object its values came from (ui/edit-version.ts). The query
 * client keeps such objects as they are (no structural sharing), so the pair never splits.
 */
const versions = new WeakMap<object, string>();

export function versionOf(record: unknown): string | undefined {
  return typeof record === 'object' && record !== null ? versions.get(record) : undefined;
}

async function json<S extends z.ZodType>(response: Response, schema: S): Promise<z.infer<S>> {
  return schema.parse(await response.json());
}

/** Fetch wrapper for `/api`: same-origin cookies, CSRF header, JSON, responses parsed by contract schemas. */
export const api = {
  get: async <S extends z.ZodType>(path: string, schema: S, query?: Query) =>
    json(await send('GET', path, { query }), schema),
  post: async <S extends z.ZodType>(
    path: string,
    schema: S,
    body?: unknown,
    options?: Omit<Options, 'body'>,
  ) => json(await send('POST', path, { ...options, body: body ?? {} }), schema),
  put: async <S extends z.ZodType>(path: string, schema: S, body: unknown) =>
    json(await send('PUT', path, { body }), schema),
  patch: async <S extends z.ZodType>(path: string, schema: S, body: unknown) =>
    json(await send('PATCH', path, { body }), schema),
  delete: async <S extends z.ZodType>(path: string, schema: S) => json(await send('DELETE', path), schema),
  upload: async <S extends z.ZodType>(path: string, schema: S, form: FormData) =>
    json(await send('POST', path, { form }), schema),
  /** Downloads a file answer (e.g. an .xlsx ledger) under the server's file name. */
  download: async (path: string, query?: Query, fallbackName = 'download') => {
    const response = await send('GET', path, { query });
    const blob = await response.blob();
    const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  },
};

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

/** 128 random bits (crypto.randomUUID needs a secure context; an intranet may serve plain http). */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

type Submission = { key: string; pending: number; keepUntil: number };
/** One key per submission: the same route, path and body while it is in flight or may be retried. */
const submissions = new Map<string, Submission>();
/** A create answered this recently still answers a repeat of itself (a double click after a fast answer). */
const CREATE_GRACE_MS = 3_000;
/** A submission whose answer was lost (network, 5xx) keeps its key for a retry this long. */
const RETRY_MS = 10 * 60_000;

/**
 * The idempotency key of a signed-in POST with a JSON body: the same submission (route, path,
 * body) sent again while the first is in flight, shortly after a create answered, or as a retry
 * after a lost answer carries the same key, so the server makes one record and answers both.
 */
async function submitOnce<T>(
  route: RouteContract,
  path: string,
  body: unknown,
  send: (key: string | undefined) => Promise<T>,
): Promise<T> {
  if (route.method !== 'POST' || typeof route.access !== 'object') return send(undefined);
  const now = Date.now();
  for (const [k, s] of submissions) if (s.pending === 0 && s.keepUntil < now) submissions.delete(k);
  const fingerprint = `${path}\n${JSON.stringify(body ?? null)}`;
  const submission = submissions.get(fingerprint) ?? { key: newKey(), pending: 0, keepUntil: 0 };
  submissions.set(fingerprint, submission);
  submission.pending += 1;
  try {
    const answer = await send(submission.key);
    submission.keepUntil = route.access.action === 'create' ? Date.now() + CREATE_GRACE_MS : 0;
    return answer;
  } catch (error) {
    const mayRetry = isApiError(error) && (error.statusCode === 0 || error.statusCode >= 500);
    submission.keepUntil = mayRetry ? Date.now() + RETRY_MS : 0;
    throw error;
  } finally {
    submission.pending -= 1;
  }
}

/**
 * Calls a route declared in contracts: the path is filled from `params`, the body and query are
 * typed by the route's schemas and the answer is parsed by its response schema. Upload routes
 * take `form`; file routes are downloaded with `downloadRoute`. Signed-in POSTs carry an
 * idempotency key per submission (`submitOnce`).
 */
export async function call<const R extends RouteContract>(
  route: R,
  input: RouteInput<R> & { form?: FormData; redirectOn401?: boolean; ifMatch?: string },
): Promise<RouteOutput<R>> {
  const path = pathOf(route.path, input.params as Record<string, unknown> | undefined);
  const options = {
    query: input.query as Query | undefined,
    body: input.form
      ? undefined
      : (input.body ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {})),
    form: input.form,
    redirectOn401: input.redirectOn401,
    ifMatch: input.ifMatch,
  };
  const response = input.form
    ? await send(route.method, path, options)
    : await submitOnce(route, path, options.body, (idempotencyKey) =>
        send(route.method, path, { ...options, idempotencyKey }),
      );
  const schema = response.status === 202 && route.accepted ? route.accepted : route.response;
  if (!schema) return undefined as RouteOutput<R>;
  const answer = schema.parse(await response.json()) as RouteOutput<R>;
  const etag = response.headers.get('etag');
  if (etag && typeof answer === 'object' && answer !== null) versions.set(answer, etag);
  return answer;
}

/** Downloads a file route's answer (an .xlsx ledger, a .docx report) under the server's file name. */
export function downloadRoute<const R extends RouteContract>(
  route: R,
  input: RouteInput<R>,
  fallbackName = 'download',
) {
  return api.download(
    pathOf(route.path, input.params as Record<string, unknown> | undefined),
    input.query as Query,
    fallbackName,
  );
}
