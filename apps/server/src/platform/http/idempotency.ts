import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserContext } from '../auth/context.ts';
import type { Database } from '../db/database.ts';
import { rowsOf } from '../db/rows.ts';
import { AppError, message } from './errors.ts';

/** How long a key answers with its first response; older keys are dropped on the user's next write. */
const KEEP = '1 day';
/** An in-flight key older than this belongs to a request that died (a crash between commit and store). */
const ABANDONED = '2 minutes';
const POLL_MS = 40;
const WAIT_MS = 30_000;
const KEY_SHAPE = /^[A-Za-z0-9._:-]{8,128}$/;

type Claim =
  | { kind: 'run' }
  | { kind: 'replay'; statusCode: number; body: unknown }
  | { kind: 'wait' }
  | { kind: 'again' };

declare module 'fastify' {
  interface FastifyInstance {
    idempotency?: IdempotencyStore;
  }
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

/** The `Idempotency-Key` header of a request, or null; a malformed one is refused (400). */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY_SHAPE.test(value))
    throw new AppError(400, 'IDEMPOTENCY_KEY', message('IDEMPOTENCY_KEY', request.ctx.lang));
  return value;
}

/** What makes two requests the same submission: the route's parameters and body. */
export function requestHashOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.params ?? null, request.body ?? null]))
    .digest('hex');
}

/**
 * Claims (user, region, route, key) for this request: run it (a new key, or one whose request
 * died), replay the stored answer, or wait for the first request still running. Dropping the
 * user's expired keys first. A key reused for another body is refused (422).
 */
const claimKey = (db: Database, ctx: UserContext, route: string, key: string, hash: string) =>
  db.transaction(ctx.scope, async (tx): Promise<Claim> => {
    const { id: userId, activeRegionCode: region } = ctx.user;
    await tx.execute(sql`DELETE FROM idempotency_keys
      WHERE user_id = ${userId} AND created_at < now() - ${KEEP}::interval`);
    const claimed = rowsOf(
      await tx.execute(sql`INSERT INTO idempotency_keys (region_code, user_id, route, key, request_hash)
        VALUES (${region}, ${userId}, ${route}, ${key}, ${hash}) ON CONFLICT DO NOTHING RETURNING key`),
    );
    if (claimed.length > 0) return { kind: 'run' };
    const [row] = rowsOf<{
      request_hash: string;
      status_code: number | null;
      response: unknown;
      abandoned: boolean;
    }>(
      await tx.execute(sql`SELECT request_hash, status_code, response,
          created_at < now() - ${ABANDONED}::interval AS abandoned
        FROM idempotency_keys
        WHERE user_id = ${userId} AND region_code = ${region} AND route = ${route} AND key = ${key}
        FOR UPDATE`),
    );
    if (!row) return { kind: 'again' };
    if (row.request_hash !== hash)
      throw new AppError(422, 'IDEMPOTENCY_MISMATCH', message('IDEMPOTENCY_MISMATCH', ctx.lang));
    if (row.status_code !== null) return { kind: 'replay', statusCode: row.status_code, body: row.response };
    if (!row.abandoned) return { kind: 'wait' };
    await tx.execute(sql`UPDATE idempotency_keys SET created_at = now()
      WHERE user_id = ${userId} AND region_code = ${region} AND route = ${route} AND key = ${key}`);
    return { kind: 'run' };
  });

/** Stores the request's answer with its key, or (no answer: it failed) releases the key. */
const finishKey = (
  db: Database,
  ctx: UserContext,
  route: string,
  key: string,
  answer: { statusCode: number; body: unknown } | null,
) =>
  db.transaction(ctx.scope, async (tx) => {
    const where = sql`user_id = ${ctx.user.id} AND region_code = ${ctx.user.activeRegionCode}
      AND route = ${route} AND key = ${key}`;
    if (!answer) await tx.execute(sql`DELETE FROM idempotency_keys WHERE ${where}`);
    else
      await tx.execute(sql`UPDATE idempotency_keys SET status_code = ${answer.statusCode},
        response = ${JSON.stringify(answer.body ?? null)}::jsonb WHERE ${where}`);
  });

/**
 * Idempotency keys for writes (registerRoute applies it to every signed-in POST that sends an
 * `Idempotency-Key` header). The first request with a key claims it and runs; its answer is stored
 * with the key. A retry gets the stored answer; a duplicate sent while the first still runs waits
 * for it and gets the same answer, so concurrent duplicates make one record. A failed request
 * releases its key (the user may correct the form and submit again with it).
 */
export function createIdempotencyStore({ db }: { db: Database }) {
  return {
    /** Runs `handler` once per (user, region, route, key); retries and duplicates get its answer. */
    async once<T>(
      ctx: UserContext,
      route: string,
      key: string,
      hash: string,
      reply: FastifyReply,
      handler: () => Promise<T>,
    ): Promise<T> {
      for (let waited = 0; ; ) {
        const c = await claimKey(db, ctx, route, key, hash);
        if (c.kind === 'replay') {
          reply.code(c.statusCode).header('idempotent-replayed', 'true');
          return c.body as T;
        }
        if (c.kind === 'run') break;
        if (waited > WAIT_MS)
          throw new AppError(409, 'IDEMPOTENCY_BUSY', message('IDEMPOTENCY_BUSY', ctx.lang));
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        waited += POLL_MS;
      }
      let result: T;
      try {
        result = await handler();
      } catch (error) {
        await finishKey(db, ctx, route, key, null);
        throw error;
      }
      await finishKey(
        db,
        ctx,
        route,
        key,
        reply.sent ? null : { statusCode: reply.statusCode, body: result },
      );
      return result;
    },
  };
}
