import {
  DEGREE_LABELS,
  GENDER_LABELS,
  type ImportJob,
  type ImportPreview,
  type ImportRowProblem,
  TALENT_MODE_LABELS,
  TalentInput,
  TITLE_RANK_LABELS,
} from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { DataBox } from '../../../platform/crypto/index.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { cellAt, readUploadedSheets, type UploadedSheet } from '../../../platform/excel/sheet-reader.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { startImportJob } from '../../../platform/jobs/import-jobs.ts';
import { createBreather } from '../../../platform/jobs/yielding.ts';
import { talents } from '../talent.table.ts';
import { createTalent, updateTalent } from './save-talent.ts';
import { TALENT_HEADERS } from './talent-ledger.ts';
import { ID_NUMBER_LOOKUP } from './talent-rows.ts';

type Parsed = { row: number; id: string | null; input: z.output<typeof TalentInput> };
type Lookups = {
  industries: Map<string, string>;
  programmes: Map<string, string>;
  groups: Map<string, string>;
  enterprises: Map<string, string>;
  institutes: Map<string, string>;
  byHash: Map<string, string>;
  ids: Set<string>;
};

/** No office ledger has more talents than this; a bigger sheet is refused before any row is read. */
export const MAX_IMPORT_ROWS = 20_000;
const KIND = 'talent-import';
const reverse = (labels: Record<string, string>) =>
  new Map(Object.entries(labels).flatMap(([k, v]) => [[v, k] as const, [k, k] as const]));
const GENDER = reverse(GENDER_LABELS);
const DEGREE = reverse(DEGREE_LABELS);
const TITLE_RANK = reverse(TITLE_RANK_LABELS);
const MODE = reverse(TALENT_MODE_LABELS);
const FIELD_COLUMN: Record<string, string> = {
  name: TALENT_HEADERS.name,
  gender: TALENT_HEADERS.gender,
  birthYear: TALENT_HEADERS.birthYear,
  degree: TALENT_HEADERS.degree,
  titleRank: TALENT_HEADERS.titleRank,
  phone: TALENT_HEADERS.phone,
  idNumber: TALENT_HEADERS.idNumber,
  mode: TALENT_HEADERS.mode,
  arrivedOn: TALENT_HEADERS.arrivedOn,
  awards: TALENT_HEADERS.programmes,
};

async function readLookups(tx: Tx, regionCode: string): Promise<Lookups> {
  const pairs = async (query: ReturnType<typeof sql>) =>
    new Map(rowsOf<{ k: string; v: string }>(await tx.execute(query)).map((r) => [r.k, r.v]));
  const byHash = await pairs(
    sql`SELECT id_number_hash AS k, id AS v FROM talents WHERE region_code = ${regionCode} AND id_number_hash IS NOT NULL`,
  );
  const ids = rowsOf<{ id: string }>(
    await tx.execute(sql`SELECT id FROM talents WHERE region_code = ${regionCode}`),
  );
  return {
    industries: await pairs(sql`SELECT name AS k, id AS v FROM industries`),
    programmes: await pairs(sql`SELECT name AS k, id AS v FROM talent_programmes`),
    groups: await pairs(sql`SELECT name AS k, id AS v FROM talent_groups`),
    enterprises: await pairs(
      sql`SELECT name AS k, id AS v FROM enterprises WHERE region_code = ${regionCode}`,
    ),
    institutes: await pairs(sql`SELECT name AS k, id AS v FROM institutes`),
    byHash,
    ids: new Set(ids.map((r) => r.id)),
  };
}

function headerOf(sheet: UploadedSheet): { row: number; columns: Map<string, number> } | null {
  for (const line of sheet.rows) {
    if (line.row > 10) break;
    const columns = new Map<string, number>();
    line.cells.forEach((text, i) => {
      columns.set(text, i + 1);
    });
    if (columns.has(TALENT_HEADERS.name) && columns.has(TALENT_HEADERS.mode))
      return { row: line.row, columns };
  }
  return null;
}

/** One sheet row → the API's input, with the row's problems (unknown names, bad values). */
function parseRow(get: (h: string) => string, look: Lookups, row: number) {
  const problems: ImportRowProblem[] = [];
  const named = (map: Map<string, string>, text: string, column: string, missing: (t: string) => string) => {
    if (!text) return null;
    const id = map.get(text);
    if (!id) problems.push({ row, column, message: missing(text) });
    return id ?? null;
  };
  const employer = get(TALENT_HEADERS.employer);
  const enterpriseId = look.enterprises.get(employer) ?? null;
  const instituteId = enterpriseId ? null : (look.institutes.get(employer) ?? null);
  const awards = get(TALENT_HEADERS.programmes)
    .split(/[；;]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((entry) => {
      const m = /^(.+?)\s*(\d{4})$/.exec(entry);
      if (!m?.[1]) {
        problems.push({ row, column: TALENT_HEADERS.programmes, message: `“${entry}”应写作“计划名称 年份”` });
        return [];
      }
      const programmeId = named(
        look.programmes,
        m[1],
        TALENT_HEADERS.programmes,
        (t) => `人才计划“${t}”不存在`,
      );
      return programmeId ? [{ programmeId, year: Number(m[2]) }] : [];
    });
  const groupIds = get(TALENT_HEADERS.groups)
    .split(/[、；;,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((name) => named(look.groups, name, TALENT_HEADERS.groups, (t) => `人才组织“${t}”不存在`) ?? []);
  const parsed = TalentInput.safeParse({
    name: get(TALENT_HEADERS.name),
    gender: GENDER.get(get(TALENT_HEADERS.gender)) ?? get(TALENT_HEADERS.gender),
    birthYear: get(TALENT_HEADERS.birthYear) || null,
    degree: DEGREE.get(get(TALENT_HEADERS.degree)) ?? get(TALENT_HEADERS.degree),
    title: get(TALENT_HEADERS.title),
    titleRank: TITLE_RANK.get(get(TALENT_HEADERS.titleRank)) ?? 'none',
    employerKind: enterpriseId ? 'enterprise' : instituteId ? 'institute' : 'other',
    enterpriseId,
    instituteId,
    employerName: employer,
    field: get(TALENT_HEADERS.field),
    industryId: named(
      look.industries,
      get(TALENT_HEADERS.industry),
      TALENT_HEADERS.industry,
      (t) => `产业“${t}”不存在`,
    ),
    phone: get(TALENT_HEADERS.phone),
    idNumber: get(TALENT_HEADERS.idNumber).includes('*') ? '' : get(TALENT_HEADERS.idNumber),
    mode: MODE.get(get(TALENT_HEADERS.mode)) ?? get(TALENT_HEADERS.mode),
    arrivedOn: get(TALENT_HEADERS.arrivedOn) || null,
    awards,
    groupIds,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      problems.push({ row, column: FIELD_COLUMN[field] ?? field, message: issue.message });
    }
  return { problems, input: parsed.success ? parsed.data : null };
}

/**
 * The talent a row updates: the exported 记录ID (one of the region's), else the talent whose ID
 * number (keyed hash) it repeats; null for a new talent. Problems go to `at.problems`.
 */
function matchTalent(
  idText: string,
  input: Parsed['input'] | null,
  at: {
    look: Lookups;
    box: DataBox;
    seenHash: Map<string, number>;
    row: number;
    problems: ImportRowProblem[];
  },
): string | null {
  const { look, row, problems } = at;
  let id: string | null = null;
  if (idText) {
    if (look.ids.has(idText)) id = idText;
    else
      problems.push({
        row,
        column: TALENT_HEADERS.id,
        message: '记录ID 不属于本区域的人才，请清空后作为新人才导入',
      });
  }
  if (!input?.idNumber) return id;
  const hash = at.box.lookupHash(input.idNumber, ID_NUMBER_LOOKUP);
  const earlier = at.seenHash.get(hash);
  if (earlier)
    problems.push({ row, column: TALENT_HEADERS.idNumber, message: `与第 ${earlier} 行的身份证号重复` });
  at.seenHash.set(hash, row);
  const owner = look.byHash.get(hash);
  if (id && owner && owner !== id)
    problems.push({ row, column: TALENT_HEADERS.idNumber, message: '该身份证号已属于另一位人才' });
  return id ?? owner ?? null;
}

/** Writes the previewed rows as a background job: one transaction, all rows or none. */
function writeTalents(
  { db, box, clock }: { db: Database; box: DataBox; clock: Clock },
  ctx: UserContext,
  valid: Parsed[],
) {
  const deps = { box, clock };
  return startImportJob({ db, clock }, ctx, KIND, valid.length, async (tx, step) => {
    let created = 0;
    let updated = 0;
    for (const v of valid) {
      await step();
      if (v.id) {
        // The sheet has no columns for links: a re-import keeps the talent's platforms, projects, records.
        const [links] = await tx
          .select({
            platformIds: talents.platformIds,
            projectIds: talents.projectIds,
            recruitmentIds: talents.recruitmentIds,
          })
          .from(talents)
          .where(eq(talents.id, v.id));
        await updateTalent(deps, tx, ctx, v.id, { ...v.input, ...links });
        updated++;
      } else {
        await createTalent(deps, tx, ctx, v.input);
        created++;
      }
    }
    return { created, updated };
  });
}

/**
 * 人才台账 import in two steps: `preview` checks every row (per-row problems) and keeps the valid
 * ones under a token; `confirm` writes them in one transaction (a background job). A row with the exported 记录ID, or
 * an ID number already registered (keyed hash), updates that talent instead of duplicating it.
 */
export function createTalentImport({
  db,
  box,
  clock,
  uploads,
}: {
  db: Database;
  box: DataBox;
  clock: Clock;
  uploads: UploadStore;
}) {
  async function preview(ctx: UserContext, file: Buffer): Promise<ImportPreview> {
    const sheet = (await readUploadedSheets(file)).sheets[0];
    if (!sheet) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    if ((sheet.rows.at(-1)?.row ?? 0) > MAX_IMPORT_ROWS + 10)
      throw new AppError(400, 'BAD_FILE', `一次最多导入 ${MAX_IMPORT_ROWS} 行`);
    const header = headerOf(sheet);
    if (!header) throw new AppError(400, 'BAD_FILE', '未找到人才台账的表头行（姓名、引进/培养）');
    const look = await db.transaction(ctx.scope, (tx) => readLookups(tx, ctx.user.activeRegionCode));
    const problems: ImportRowProblem[] = [];
    const valid: Parsed[] = [];
    const seenHash = new Map<string, number>();
    let total = 0;
    const breathe = createBreather();
    for (const line of sheet.rows) {
      await breathe();
      const r = line.row;
      if (r <= header.row) continue;
      const get = (h: string) => cellAt(line, header.columns.get(h));
      if ([...header.columns.keys()].every((h) => get(h) === '' || h === '序号')) continue;
      total++;
      const { problems: rowProblems, input } = parseRow(get, look, r);
      const id = matchTalent(get(TALENT_HEADERS.id), input, {
        look,
        box,
        seenHash,
        row: r,
        problems: rowProblems,
      });
      if (rowProblems.length > 0 || !input) problems.push(...rowProblems);
      else valid.push({ row: r, id, input });
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

  /** Starts the write as a background job: one transaction, all rows or none. */
  async function confirm(ctx: UserContext, token: string): Promise<ImportJob> {
    const valid = uploads.take<Parsed[]>(ctx.user.id, KIND, token);
    if (!valid) throw new AppError(400, 'EXPIRED', '导入预览已失效，请重新上传文件');
    return writeTalents({ db, box, clock }, ctx, valid);
  }

  return { preview, confirm };
}
