import type { ServiceRequestInput as Input, ServiceRequest, ServiceRequestInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { maskPhone } from '../../../platform/crypto/index.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { invalid } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../pipelines/index.ts';
import { type ConciergeDeps, isBureau, tell } from '../concierge.deps.ts';
import { addEntry, PHONE_AAD, readRequest } from '../concierge.queries.ts';
import { dueDatesOf } from '../concierge.terms.ts';

type Parsed = z.output<typeof Input>;

/** Timeline text of a new request (data, Chinese like every ledger entry). */
const CREATED_TEXT = { assigned: '提交诉求，自动分派给项目帮办专员', waiting: '提交诉求，待分派帮办专员' };

/** What the request is about: its name, its organisation and the helper who serves it, if any. */
async function subjectOf(tx: Tx, ctx: UserContext, input: Parsed) {
  const own = { enterpriseId: ctx.user.enterpriseId, instituteId: ctx.user.instituteId };
  if (input.subjectType === 'project' && input.subjectId) {
    const [p] = rowsOf<{ title: string; helper_id: string | null; enterprise_ids: string[] }>(
      await tx.execute(sql`SELECT p.title, a.helper_id, p.enterprise_ids FROM cooperation_projects p
        LEFT JOIN project_helper_assignments a ON a.project_id = p.id AND a.ended_at IS NULL
        WHERE p.id = ${input.subjectId}`),
    );
    if (!p) throw invalid([{ path: 'subjectId', message: '项目不存在或无权查看' }], ctx.lang);
    return {
      name: p.title,
      helperId: p.helper_id,
      enterpriseId: own.enterpriseId ?? p.enterprise_ids[0] ?? null,
      instituteId: own.instituteId,
    };
  }
  const enterpriseId =
    input.subjectType === 'enterprise' ? (input.subjectId ?? own.enterpriseId) : own.enterpriseId;
  if (enterpriseId) {
    // An enterprise's helper: the one serving its latest open project.
    const [e] = rowsOf<{ name: string; helper_id: string | null }>(
      await tx.execute(sql`SELECT e.name, (SELECT a.helper_id FROM cooperation_projects p
          JOIN project_helper_assignments a ON a.project_id = p.id AND a.ended_at IS NULL
          WHERE ${enterpriseId}::text = ANY (p.enterprise_ids::text[]) AND p.stage NOT IN ('landed', 'stopped')
          ORDER BY p.created_at DESC LIMIT 1) AS helper_id
        FROM enterprises e WHERE e.id = ${enterpriseId}`),
    );
    if (!e) throw invalid([{ path: 'subjectId', message: '企业不存在或无权查看' }], ctx.lang);
    return { name: e.name, helperId: e.helper_id, enterpriseId, instituteId: own.instituteId };
  }
  return { name: '', helperId: null, ...own };
}

/**
 * Raises a request. The form's idempotency key makes a double submit one request: the second
 * insert finds the first (waiting for it to commit if it is in flight) and answers it.
 */
export async function createServiceRequest(
  deps: ConciergeDeps,
  ctx: UserContext,
  body: ServiceRequestInput,
): Promise<ServiceRequest> {
  const input = body as Parsed;
  const now = deps.clock.now();
  const today = chinaToday(now);
  const regionCode = ctx.user.activeRegionCode;
  return deps.db.transaction(ctx.scope, async (tx) => {
    const [already] = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT id FROM service_requests WHERE region_code = ${regionCode}
        AND idempotency_key = ${input.idempotencyKey}`),
    );
    if (already) return readRequest(tx, ctx, deps.box, already.id, today);
    const isRequester = ctx.user.role === 'enterprise' || ctx.user.role === 'institute';
    if (!isRequester && !input.requesterName)
      throw invalid([{ path: 'requesterName', message: '代为提交时请填写诉求人' }], ctx.lang);
    const subject = await subjectOf(tx, ctx, input);
    const due = await dueDatesOf(tx, regionCode, input.kind, input.isGreenChannel, today);
    const phone = input.contactPhone;
    const [seq] = rowsOf<{ n: string }>(
      await tx.execute(sql`SELECT nextval('service_request_number_seq')::text AS n`),
    );
    const number = `SQ${regionCode}-${(seq?.n ?? '0').padStart(6, '0')}`;
    const inserted = rowsOf<{ id: string }>(
      await tx.execute(sql`INSERT INTO service_requests (region_code, number, title, description, kind, channel,
        is_green_channel, stage, subject_type, subject_id, subject_name, requester_user_id, requester_name,
        enterprise_id, institute_id, phone_enc, phone_masked, phone_hash, helper_id, accept_due_on, resolve_due_on,
        last_entry_on, idempotency_key, stage_changed_at, created_at, created_by)
      VALUES (${regionCode}, ${number}, ${input.title}, ${input.description}, ${input.kind},
        ${isRequester ? 'portal' : 'staff'}, ${input.isGreenChannel}, 'submitted', ${input.subjectType},
        ${input.subjectId}, ${subject.name}, ${isRequester ? ctx.user.id : null},
        ${isRequester ? ctx.user.displayName : input.requesterName}, ${subject.enterpriseId}, ${subject.instituteId},
        ${phone ? deps.box.encrypt(phone, PHONE_AAD) : null}, ${phone ? maskPhone(phone) : ''},
        ${phone ? deps.box.lookupHash(phone, 'phone') : null}, ${subject.helperId}, ${due.acceptDueOn}::date,
        ${due.resolveDueOn}::date, ${today}::date, ${input.idempotencyKey}, ${now.toISOString()}, ${now.toISOString()}, ${ctx.user.id})
      ON CONFLICT (region_code, idempotency_key) DO NOTHING RETURNING id`),
    );
    const id = inserted[0]?.id;
    if (!id) {
      const [first] = rowsOf<{ id: string }>(
        await tx.execute(sql`SELECT id FROM service_requests WHERE region_code = ${regionCode}
          AND idempotency_key = ${input.idempotencyKey}`),
      );
      return readRequest(tx, ctx, deps.box, first?.id ?? '', today);
    }
    const request = { id, regionCode };
    const text = CREATED_TEXT[subject.helperId ? 'assigned' : 'waiting'];
    await addEntry(tx, ctx, request, { kind: 'created', text, at: now, today });
    await tell(deps, tx, ctx, request, [subject.helperId], {
      title: `新诉求：${input.title}`,
      body: `请在 ${due.acceptDueOn} 前受理`,
      at: now,
    });
    await recordUserAction(tx, ctx, now, { action: 'create', targetType: 'service_request', targetId: id });
    if (isBureau(ctx)) await deps.supervision.refreshItems(tx, 'service_request', [id]);
    return readRequest(tx, ctx, deps.box, id, today);
  });
}
