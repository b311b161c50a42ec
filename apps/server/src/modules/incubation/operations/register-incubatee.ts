import type { IncubateeDetail, RegistrationInput } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { lockIncubatee, readIncubatee } from '../incubation.queries.ts';
import { incubatees } from '../incubation.table.ts';
import { refuseDuplicateCode } from './create-incubatee.ts';

/**
 * A team registers as an enterprise: the same incubatee gets its 统一社会信用代码 (checked with its
 * check digit by the contract) and, when the directory knows the code, the enterprise it is.
 */
export async function registerIncubatee(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: z.output<typeof RegistrationInput>,
): Promise<IncubateeDetail> {
  const now = clock.now();
  const record = await lockIncubatee(tx, ctx, id);
  const [current] = await tx
    .select({ code: incubatees.creditCode })
    .from(incubatees)
    .where(eq(incubatees.id, id));
  if (current?.code !== input.creditCode) await refuseDuplicateCode(tx, record.regionCode, input.creditCode);
  const [enterprise] = rowsOf<{ id: string }>(
    await tx.execute(sql`SELECT id FROM enterprises WHERE credit_code = ${input.creditCode} LIMIT 1`),
  );
  await tx
    .update(incubatees)
    .set({
      creditCode: input.creditCode,
      enterpriseId: enterprise?.id ?? null,
      ...(input.name ? { name: input.name } : {}),
      updatedAt: now,
    })
    .where(eq(incubatees.id, id));
  await recordUserAction(tx, ctx, now, {
    action: 'register',
    targetType: 'incubatee',
    targetId: id,
    detail: { creditCode: input.creditCode },
  });
  return readIncubatee(tx, ctx, id);
}
