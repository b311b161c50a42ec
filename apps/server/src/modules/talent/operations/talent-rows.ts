import type { TalentSummary } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { type DataBox, maskIdNumber, maskPhone } from '../../../platform/crypto/index.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { nameInLang } from '../../../platform/db/name-in-lang.ts';
import { isHighLevelSql, isLeadingSql } from './talent-sql.ts';

/** Where each personal value lives: the envelope is bound to its column. */
export const PHONE_AAD = 'talents.phone';
export const ID_NUMBER_AAD = 'talents.id_number';
export const ID_NUMBER_LOOKUP = 'talents.id_number';

export type SummaryRow = {
  id: string;
  region_code: string;
  name: string;
  gender: string;
  birth_year: number | null;
  degree: string;
  title: string;
  title_rank: string;
  employer_kind: string;
  employer_name: string;
  field: string;
  industry_id: string | null;
  industry_name: string | null;
  mode: string;
  arrived_on: string | null;
  programmes: string[] | null;
  is_leading: boolean;
  is_high_level: boolean;
  phone_cipher: string | null;
  id_number_cipher: string | null;
  owner_id: string | null;
};

const SELECT = sql`t.id, t.region_code, t.name, t.gender, t.birth_year, t.degree, t.title, t.title_rank,
  t.employer_kind, t.employer_name, t.field, t.industry_id, ${nameInLang(sql`i.name`, sql`i.name_en`)} AS industry_name, t.mode,
  t.arrived_on::text AS arrived_on,
  (SELECT array_agg(g.name || '（' || a.year || '）' ORDER BY a.year DESC, g.sort_order)
     FROM talent_awards a JOIN talent_programmes g ON g.id = a.programme_id WHERE a.talent_id = t.id) AS programmes,
  ${isLeadingSql()} AS is_leading, ${isHighLevelSql()} AS is_high_level,
  t.phone_cipher, t.id_number_cipher, t.owner_id`;

/** The phone and ID number in clear for the owner, masked for everyone else. */
export function personalData(box: DataBox, ctx: UserContext, row: SummaryRow) {
  const isOwner = row.owner_id !== null && row.owner_id === ctx.user.id;
  const open = (cipher: string | null, aad: string, mask: (s: string) => string) => {
    if (!cipher) return '';
    const plain = box.decrypt(cipher, aad);
    return isOwner ? plain : mask(plain);
  };
  return {
    isOwner,
    phone: open(row.phone_cipher, PHONE_AAD, maskPhone),
    idNumber: open(row.id_number_cipher, ID_NUMBER_AAD, maskIdNumber),
  };
}

export const toSummary = (box: DataBox, ctx: UserContext, r: SummaryRow): TalentSummary => ({
  id: r.id,
  regionCode: r.region_code,
  name: r.name,
  gender: r.gender as TalentSummary['gender'],
  birthYear: r.birth_year,
  degree: r.degree as TalentSummary['degree'],
  title: r.title,
  titleRank: r.title_rank as TalentSummary['titleRank'],
  employerKind: r.employer_kind as TalentSummary['employerKind'],
  employerName: r.employer_name,
  field: r.field,
  industryId: r.industry_id,
  industryName: r.industry_name,
  mode: r.mode as TalentSummary['mode'],
  arrivedOn: r.arrived_on,
  programmes: r.programmes ?? [],
  isLeading: r.is_leading,
  isHighLevel: r.is_high_level,
  ...personalData(box, ctx, r),
});

/** Talents by name; `LEADING_FIRST`: leading, then high-level, then by name. */
export const BY_NAME = sql`t.name, t.id`;
export const LEADING_FIRST = sql`${isLeadingSql()} DESC, t.is_high_level DESC, t.name, t.id`;

/** Talent summaries matching `where` (over `talents t`), by name unless told otherwise. */
export async function selectTalents(
  tx: Tx,
  box: DataBox,
  ctx: UserContext,
  where: SQL,
  page: { limit: number; offset: number },
  order: SQL = BY_NAME,
): Promise<TalentSummary[]> {
  const rows = rowsOf<SummaryRow>(
    await tx.execute(sql`SELECT ${SELECT} FROM talents t LEFT JOIN industries i ON i.id = t.industry_id
      WHERE ${where} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
  return rows.map((r) => toSummary(box, ctx, r));
}
