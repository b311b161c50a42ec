import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { ifMatchStore } from '../db/row-version.ts';
import { rowsOf } from '../db/rows.ts';

/** Editable records under optimistic concurrency: their routes and tables (with `...versioned()`). */
const VERSIONED: Record<string, string> = {
  '/api/enterprises/:id': 'enterprises',
  '/api/institutes/:id': 'institutes',
  '/api/needs/:id': 'tech_needs',
  '/api/projects/:id': 'cooperation_projects',
  '/api/recruitment/records/:id': 'recruitment_records',
};

function recordOf(request: FastifyRequest): { table: string; id: string } | null {
  const table = VERSIONED[request.routeOptions.url ?? ''];
  const id = (request.params as { id?: string } | undefined)?.id;
  return table && id && /^[0-9a-f-]{36}$/i.test(id) ? { table, id } : null;
}

/**
 * One mechanism for every editable record: GET, PUT and PATCH answers carry `ETag: "<version>"`;
 * a PUT or PATCH with `If-Match` is checked by the `gaodi_row_version` trigger in the request's
 * own transaction, under the row lock (migration 0046), so a stale edit is refused with 409
 * VERSION_CONFLICT (errors.ts: the current version and the columns the last change touched)
 * instead of overwriting. Without If-Match an edit is applied as before.
 */
export function optimisticConcurrency(app: FastifyInstance, db: Database) {
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers['if-match'];
    const record = request.method === 'PUT' || request.method === 'PATCH' ? recordOf(request) : null;
    if (!record || typeof header !== 'string' || header.trim() === '*') return done();
    const version = header.replace(/^W\//, '').replaceAll('"', '').trim();
    ifMatchStore.run({ id: record.id, version }, done);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const record = reply.statusCode === 200 && request.method !== 'DELETE' ? recordOf(request) : null;
    if (!record) return payload;
    const [row] = rowsOf<{ version: number }>(
      await db.owner.execute(
        sql`SELECT version FROM ${sql.identifier(record.table)} WHERE id = ${record.id}::uuid`,
      ),
    );
    if (row) reply.header('etag', `"${row.version}"`);
    return payload;
  });
}
