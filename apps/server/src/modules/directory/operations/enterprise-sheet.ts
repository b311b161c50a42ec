import { EnterpriseInput, type ImportRowProblem, SCALE_LABELS } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { DataRow } from '../../../platform/excel/sheet-reader.ts';
import { ENTERPRISE_HEADERS as H } from '../directory.report.ts';
import { enterprises, industries } from '../directory.table.ts';

export type ParsedEnterprise = { row: number; id: string | null; input: z.output<typeof EnterpriseInput> };

const FIELD_COLUMN: Record<string, string> = {
  creditCode: H.creditCode,
  name: H.name,
  industryId: H.industry,
  scale: H.scale,
  address: H.address,
  contactName: H.contactName,
  contactPhone: H.contactPhone,
};

const SCALE_BY_LABEL = new Map<string, string>(
  Object.entries(SCALE_LABELS).flatMap(([k, v]) => [
    [v, k],
    [k, k],
  ]),
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the rows are checked against: industries by name, the region's enterprises. */
export async function readEnterpriseLookups(tx: Tx, ctx: UserContext) {
  const known = await tx.select({ id: industries.id, name: industries.name }).from(industries);
  const existing = await tx
    .select({ id: enterprises.id, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(eq(enterprises.regionCode, ctx.user.activeRegionCode));
  return {
    industryByName: new Map(known.map((i) => [i.name, i.id])),
    idByCredit: new Map(existing.map((e) => [e.creditCode, e.id])),
    knownIds: new Set(existing.map((e) => e.id)),
    /** Credit code → the first row that named it. */
    seenCredit: new Map<string, number>(),
  };
}

type Lookups = Awaited<ReturnType<typeof readEnterpriseLookups>>;

/** The enterprise a 记录ID names: one of the region's, else a problem. */
function rowId(idText: string, look: Lookups, say: (c: string, m: string) => void) {
  if (!idText) return null;
  if (UUID.test(idText) && look.knownIds.has(idText)) return idText;
  say(H.id, '记录ID 不属于本区域的企业，请清空后作为新企业导入');
  return null;
}

/**
 * One sheet row → an enterprise to create or update, or the row's problems. A row with the
 * exported 记录ID, or a credit code already in the region, updates that enterprise.
 */
export function checkEnterpriseRow({ row, get }: DataRow, look: Lookups) {
  const problems: ImportRowProblem[] = [];
  const say = (column: string, message: string) => problems.push({ row, column, message });
  const industryName = get(H.industry);
  const industryId = industryName ? (look.industryByName.get(industryName) ?? null) : null;
  if (industryName && !industryId) say(H.industry, `产业“${industryName}”不存在`);
  const scaleText = get(H.scale);
  const parsed = EnterpriseInput.safeParse({
    creditCode: get(H.creditCode),
    name: get(H.name),
    industryId,
    scale: SCALE_BY_LABEL.get(scaleText) ?? scaleText,
    address: get(H.address),
    contactName: get(H.contactName),
    contactPhone: get(H.contactPhone),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const message =
        field === 'scale' ? `企业规模应为：${Object.values(SCALE_LABELS).join('、')}` : issue.message;
      say(FIELD_COLUMN[field] ?? field, message);
    }
  }
  let id = rowId(get(H.id), look, say);
  if (!parsed.success) return { problems, valid: null };
  const credit = parsed.data.creditCode;
  const earlier = look.seenCredit.get(credit);
  if (earlier) say(H.creditCode, `与第 ${earlier} 行的统一社会信用代码重复`);
  look.seenCredit.set(credit, row);
  const owner = look.idByCredit.get(credit);
  if (id && owner && owner !== id) say(H.creditCode, '该统一社会信用代码已属于另一家企业');
  id ??= owner ?? null;
  return { problems, valid: problems.length > 0 ? null : { row, id, input: parsed.data } };
}
