import type { z } from 'zod';
import type { Action, Resource } from './permissions.ts';

/**
 * A route of the API, declared once: the server registers it from this object (validation,
 * permission guard, OpenAPI) and the web's typed client calls it through the same object, so no
 * path string is written twice and a body is never `unknown`.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: a resource × action of the permission table, any signed-in user, or anyone. */
export type RouteAccess = { resource: Resource; action: Action } | 'signed-in' | 'public';

/**
 * What the route answers: a JSON body validated by a schema, a file download (xlsx, docx, an
 * upload), or nothing but a status. An upload route reads multipart form data instead of a body.
 */
export type RouteContract = {
  method: HttpMethod;
  /** Fastify-style path with `:name` parameters, e.g. `/api/projects/:id/stage`. */
  path: string;
  summary: string;
  tags: readonly string[];
  access: RouteAccess;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON answer; absent for `file` routes. */
  response?: z.ZodType;
  /** 202 answer: the change was accepted but waits (e.g. for a second administrator's approval). */
  accepted?: z.ZodType;
  /** `file`: a download; `upload`: multipart in, `response` out. Default `json`. */
  kind?: 'json' | 'file' | 'upload';
};

/** Declares a route; the `const` keeps its literal method and path for the typed client. */
export function defineRoute<const R extends RouteContract>(route: R): R {
  return route;
}

type Schema<R, K extends 'params' | 'query' | 'body'> =
  R extends Record<K, infer S extends z.ZodType> ? S : undefined;

/** What a caller passes (before defaults and coercion): `z.input` of each declared part. */
export type RouteInput<R extends RouteContract> = (Schema<R, 'params'> extends z.ZodType
  ? { params: z.input<Schema<R, 'params'>> }
  : { params?: undefined }) &
  (Schema<R, 'query'> extends z.ZodType ? { query?: z.input<Schema<R, 'query'>> } : { query?: undefined }) &
  (Schema<R, 'body'> extends z.ZodType ? { body: z.input<Schema<R, 'body'>> } : { body?: undefined });

/** What a handler receives after validation: `z.output` of each declared part. */
export type RouteParsed<R extends RouteContract> = {
  params: Schema<R, 'params'> extends z.ZodType ? z.output<Schema<R, 'params'>> : undefined;
  query: Schema<R, 'query'> extends z.ZodType ? z.output<Schema<R, 'query'>> : undefined;
  body: Schema<R, 'body'> extends z.ZodType ? z.output<Schema<R, 'body'>> : undefined;
};

type Accepted<R, F extends 'input' | 'output'> = R extends { accepted: infer A extends z.ZodType }
  ? F extends 'input'
    ? z.input<A>
    : z.output<A>
  : never;

/** The answer: the parsed response for JSON routes (or the 202 answer, where one is declared). */
export type RouteOutput<R extends RouteContract> =
  | (R extends { response: infer S extends z.ZodType } ? z.output<S> : undefined)
  | Accepted<R, 'output'>;

/** What a handler returns (before the server's serialiser applies the response schema). */
export type RouteResult<R extends RouteContract> =
  | (R extends { response: infer S extends z.ZodType } ? z.input<S> : unknown)
  | Accepted<R, 'input'>;

/** `/api/projects/:id` + `{ id: 'x' }` → `/api/projects/x` (each value URI-encoded). */
export function pathOf(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
