import {
  CreditCode,
  type ImportPreview,
  type ImportResult,
  type ImportRowProblem,
  IncubateeInput,
} from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { cellAt, findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { createBreather } from '../../../platform/jobs/yielding.ts';
import { incubatees } from '../incubation.table.ts';
import { createIncubatee } from './create-incubatee.ts';
import { dayOfCell, LEDGER_HEADERS as H } from './incubatee-ledger.ts';

type Update = { name: string; creditCode: string | null; space: string; contact: string };
type Valid =
  | { row: number; id: null; input: z.output<typeof IncubateeInput> }
  | { row: number; id: string; update: Update };
type Known = { id: string; name: string; creditCode: string | null; carrierId: string | null };
type Lookups = { carriers: Map<string, string>; byId: Map<string, Known>; byCode: Map<string, Known> };

/** No office ledger has more incubatees than this; a bigger sheet is refused before any row is checked. */
export const MAX_LEDGER_ROWS = 20_000;
const KIND = 'incubatee-import';
const FIELD_COLUMN: Record<string, string> = {
  name: H.name,
  carrierId: H.carrier,
  enteredOn: H.enteredOn,
  creditCode: H.creditCode,
  space: H.space,
  contact: H.contact,
};

async function readLookups(tx: Tx, regionCode: string): Promise<Lookups> {
  const carriers = rowsOf<{ id: string; name: string }>(
    await tx.execute(sql`SELECT id, name FROM incubation_carriers WHERE region_code = ${regionCode}`),
  );
  const known = rowsOf<Known>(
    await tx.execute(sql`SELECT id::text, name, credit_code AS "creditCode", carrier_id::text AS "carrierId"
      FROM incubatees WHERE region_code = ${regionCode}`),
  );
  return {
    carriers: new Map(carriers.map((c) => [c.name, c.id])),
    byId: new Map(known.map((k) => [k.id, k])),
    byCode: new Map(known.filter((k) => k.creditCode).map((k) => [k.creditCode as string, k])),
  };
}

/** One sheet row → an entry (no 记录ID) or an update of a known incubatee, with the row's problems. */
function checkRow(get: (h: string) => string, look: Lookups, row: number, today: string) {
  const problems: ImportRowProblem[] = [];
  const say = (column: string, message: string) => problems.push({ row, column, message });
  const idText = get(H.id);
  const known = idText ? look.byId.get(idText) : undefined;
  if (idText && !known) say(H.id, '记录ID 不属于本区域的在孵主体，请清空后作为新主体导入');
  const carrierName = get(H.carrier);
  const carrierId = carrierName ? (look.carriers.get(carrierName) ?? null) : null;
  if (!carrierName) say(H.carrier, '请填写所在载体');
  else if (!carrierId) say(H.carrier, `载体“${carrierName}”未登记，请先登记载体`);
  if (known && carrierId && known.carrierId !== carrierId)
    say(H.carrier, '所在载体与记录不符：升级、毕业、退出请在主体页面办理');
  const code = get(H.creditCode).toUpperCase();
  const parsedCode = code ? CreditCode.safeParse(code) : null;
  if (parsedCode && !parsedCode.success) say(H.creditCode, String(parsedCode.error.issues[0]?.message));
  const owner = code ? look.byCode.get(code) : undefined;
  if (owner && owner.id !== known?.id) say(H.creditCode, `该统一社会信用代码已登记：${owner.name}`);
  const enteredOn = dayOfCell(get(H.enteredOn));
  const parsed = IncubateeInput.safeParse({
    name: get(H.name),
    carrierId: carrierId ?? '00000000-0000-4000-8000-000000000000',
    enteredOn: known ? enteredOn || today : enteredOn,
    creditCode: code || null,
    space: get(H.space),
    contact: get(H.contact),
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const column = FIELD_COLUMN[String(issue.path[0] ?? '')] ?? String(issue.path[0] ?? '');
      if (column !== H.creditCode) say(column, issue.message);
    }
  else if (!known && parsed.data.enteredOn > today) say(H.enteredOn, '入驻日期不能晚于今天');
  return { problems, known, input: parsed.success ? parsed.data : null };
}

async function confirmLedgerImport(
  { db, clock, uploads }: { db: Database; clock: Clock; uploads: UploadStore },
  ctx: UserContext,
  token: string,
): Promise<ImportResult> {
  const valid = uploads.take<Valid[]>(ctx.user.id, KIND, token);
  if (!valid) throw new AppError(400, 'EXPIRED', '导入预览已失效，请重新上传文件');
  let created = 0;
  let updated = 0;
  // One transaction: the import is all or nothing.
  const breathe = createBreather();
  await db.transaction(ctx.scope, async (tx) => {
    for (const v of valid) {
      await breathe();
      if (v.id === null) {
        await createIncubatee({ clock }, tx, ctx, v.input);
        created++;
        continue;
      }
      await tx
        .update(incubatees)
        .set({
          ...v.update,
          // A code the directory knows links the enterprise it is (as registration does).
          enterpriseId: v.update.creditCode
            ? sql`(SELECT id FROM enterprises WHERE credit_code = ${v.update.creditCode} LIMIT 1)`
            : null,
          updatedAt: clock.now(),
        })
        .where(eq(incubatees.id, v.id));
      updated++;
    }
  });
  return { created, updated };
}

/**
 * 在孵企业台账 import in two steps: `preview` checks every row (which row, which column, why) and keeps
 * the valid ones under a token; `confirm` writes them. A row without 记录ID is an entry (入驻) into
 * the named carrier; a row with the exported 记录ID updates the name, code, space and contact.
 */
export function createIncubateeImport(deps: { db: Database; clock: Clock; uploads: UploadStore }) {
  const { db, clock, uploads } = deps;
  async function preview(ctx: UserContext, file: Buffer): Promise<ImportPreview> {
    const sheet = (await readUploadedSheets(file)).sheets[0];
    if (!sheet) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    if ((sheet.rows.at(-1)?.row ?? 0) > MAX_LEDGER_ROWS + 10)
      throw new AppError(400, 'BAD_FILE', `一次最多导入 ${MAX_LEDGER_ROWS} 行`);
    const header = findHeaderRow(sheet, [H.name, H.carrier], new Set(Object.values(H)));
    if (!header) throw new AppError(400, 'BAD_FILE', '未找到在孵企业台账的表头行（主体名称、所在载体）');
    const look = await db.transaction(ctx.scope, (tx) => readLookups(tx, ctx.user.activeRegionCode));
    const today = chinaDay(clock.now());
    const problems: ImportRowProblem[] = [];
    const valid: Valid[] = [];
    const seenCode = new Map<string, number>();
    let total = 0;
    const breathe = createBreather();
    for (const line of sheet.rows) {
      await breathe();
      if (line.row <= header.row) continue;
      const get = (h: string) => cellAt(line, header.columns.get(h));
      if ([...header.columns.keys()].every((h) => get(h) === '')) continue;
      total++;
      const checked = checkRow(get, look, line.row, today);
      const code = checked.input?.creditCode;
      if (code) {
        const earlier = seenCode.get(code);
        if (earlier)
          checked.problems.push({
            row: line.row,
            column: H.creditCode,
            message: `与第 ${earlier} 行的统一社会信用代码重复`,
          });
        else seenCode.set(code, line.row);
      }
      if (checked.problems.length > 0 || !checked.input) problems.push(...checked.problems);
      else if (checked.known) {
        const { name, creditCode, space, contact } = checked.input;
        valid.push({ row: line.row, id: checked.known.id, update: { name, creditCode, space, contact } });
      } else valid.push({ row: line.row, id: null, input: checked.input });
    }
    const token = uploads.put(ctx.user.id, KIND, valid);
    const toUpdate = valid.filter((v) => v.id).length;
    return {
      token,
      totalRows: total,
      validRows: valid.length,
      toCreate: valid.length - toUpdate,
      toUpdate,
      ...capProblems(uploads, ctx.user.id, problems),
    };
  }

  return { preview, confirm: (ctx: UserContext, token: string) => confirmLedgerImport(deps, ctx, token) };
}
