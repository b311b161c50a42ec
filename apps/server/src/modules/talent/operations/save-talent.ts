import type { Talent, TalentInput } from '@gaodi/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { DataBox } from '../../../platform/crypto/index.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { talentAwards, talents } from '../talent.table.ts';
import { checkTalentRefs, employerNameOf } from './check-talent-refs.ts';
import { readTalent } from './read-talent.ts';
import { ID_NUMBER_AAD, ID_NUMBER_LOOKUP, PHONE_AAD } from './talent-rows.ts';

type Input = z.output<typeof TalentInput>;
type Deps = { box: DataBox; clock: Clock };

/** A value left empty or still masked (as exported or shown) keeps what is stored. */
const isUnchanged = (value: string) => value === '' || value.includes('*');

/** 409 on `idNumber` when another talent of the region has this ID number (by keyed hash). */
export async function refuseDuplicate(tx: Tx, regionCode: string, hash: string, exceptId?: string) {
  const [other] = await tx
    .select({ id: talents.id, name: talents.name })
    .from(talents)
    .where(
      and(
        eq(talents.regionCode, regionCode),
        eq(talents.idNumberHash, hash),
        exceptId ? ne(talents.id, exceptId) : undefined,
      ),
    );
  if (other)
    throw new AppError(409, 'DUPLICATE', '该身份证号已登记', [
      { path: 'idNumber', message: `该身份证号已登记：${other.name}` },
    ]);
}

async function columnsOf({ box }: Deps, tx: Tx, input: Input) {
  const idNumber = isUnchanged(input.idNumber) ? null : input.idNumber;
  return {
    name: input.name,
    gender: input.gender,
    birthYear: input.birthYear,
    degree: input.degree,
    title: input.title,
    titleRank: input.titleRank,
    employerKind: input.employerKind,
    enterpriseId: input.employerKind === 'enterprise' ? input.enterpriseId : null,
    instituteId: input.employerKind === 'institute' ? input.instituteId : null,
    employerPlatformId: input.employerKind === 'platform' ? input.employerPlatformId : null,
    employerName: await employerNameOf(tx, input),
    field: input.field,
    industryId: input.industryId,
    mode: input.mode,
    arrivedOn: input.arrivedOn,
    groupIds: [...new Set(input.groupIds)],
    platformIds: [...new Set(input.platformIds)],
    projectIds: [...new Set(input.projectIds)],
    recruitmentIds: [...new Set(input.recruitmentIds)],
    ...(isUnchanged(input.phone) ? {} : { phoneCipher: box.encrypt(input.phone, PHONE_AAD) }),
    ...(idNumber
      ? {
          idNumberCipher: box.encrypt(idNumber, ID_NUMBER_AAD),
          idNumberHash: box.lookupHash(idNumber, ID_NUMBER_LOOKUP),
        }
      : {}),
  };
}

async function writeAwards(tx: Tx, talentId: string, regionCode: string, input: Input) {
  await tx.delete(talentAwards).where(eq(talentAwards.talentId, talentId));
  const seen = new Set<string>();
  const rows = input.awards
    .filter((a) => !seen.has(`${a.programmeId}/${a.year}`) && seen.add(`${a.programmeId}/${a.year}`))
    .map((a) => ({ regionCode, talentId, programmeId: a.programmeId, year: a.year }));
  if (rows.length > 0) await tx.insert(talentAwards).values(rows);
}

/** Registers a talent in the caller's region; the caller owns it (sees its phone and ID number). */
export async function createTalent(deps: Deps, tx: Tx, ctx: UserContext, input: Input): Promise<Talent> {
  await checkTalentRefs(tx, input);
  const columns = await columnsOf(deps, tx, input);
  const regionCode = ctx.user.activeRegionCode;
  if (columns.idNumberHash) await refuseDuplicate(tx, regionCode, columns.idNumberHash);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(talents)
    .values({ ...columns, regionCode, ownerId: ctx.user.id, createdAt: now, updatedAt: now })
    .returning({ id: talents.id });
  if (!row) throw new Error('insert returned nothing');
  await writeAwards(tx, row.id, regionCode, input);
  await recordUserAction(tx, ctx, now, { action: 'create', targetType: 'talent', targetId: row.id });
  return readTalent(deps, tx, ctx, row.id);
}

/** Changes a talent; an empty or masked phone or ID number keeps the stored one. */
export async function updateTalent(
  deps: Deps,
  tx: Tx,
  ctx: UserContext,
  id: string,
  input: Input,
): Promise<Talent> {
  const [current] = await tx.select().from(talents).where(eq(talents.id, id));
  if (!current) throw notFound(ctx.lang);
  await checkTalentRefs(tx, input);
  const columns = await columnsOf(deps, tx, input);
  if (columns.idNumberHash) await refuseDuplicate(tx, current.regionCode, columns.idNumberHash, id);
  const [after] = await tx
    .update(talents)
    .set({ ...columns, updatedAt: deps.clock.now() })
    .where(eq(talents.id, id))
    .returning();
  await writeAwards(tx, id, current.regionCode, input);
  // Phone and ID number are ciphers: changeOf never lists them (nor their hashes).
  await recordUserAction(tx, ctx, deps.clock.now(), {
    action: 'update',
    targetType: 'talent',
    targetId: id,
    detail: after ? changeOf(current, after) : undefined,
  });
  return readTalent(deps, tx, ctx, id);
}
