import {
  AchievementInput,
  type AchievementJsonlResult,
  COOPERATION_FORM_LABELS,
  type ImportJob,
  type ImportPreview,
  type ImportRowProblem,
  IP_TYPE_LABELS,
} from '@gaodi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { cellAt, findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type ImportStep, startImportJob } from '../../../platform/jobs/import-jobs.ts';
import { createBreather } from '../../../platform/jobs/yielding.ts';
import { industries, institutes } from '../../directory/index.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { insertAchievement } from './insert-achievement.ts';

export const ACHIEVEMENT_HEADERS = {
  title: '成果名称',
  institute: '所属院所',
  abstract: '成果简介',
  keywords: '关键词',
  trl: '技术成熟度',
  ipType: '知识产权类型',
  ipNumbers: '知识产权编号',
  cooperationForms: '合作方式',
  industry: '所属产业',
} as const;

const FIELD_COLUMN: Record<string, string> = {
  title: ACHIEVEMENT_HEADERS.title,
  instituteId: ACHIEVEMENT_HEADERS.institute,
  abstract: ACHIEVEMENT_HEADERS.abstract,
  keywords: ACHIEVEMENT_HEADERS.keywords,
  trl: ACHIEVEMENT_HEADERS.trl,
  ipType: ACHIEVEMENT_HEADERS.ipType,
  ipNumbers: ACHIEVEMENT_HEADERS.ipNumbers,
  cooperationForms: ACHIEVEMENT_HEADERS.cooperationForms,
  industryId: ACHIEVEMENT_HEADERS.industry,
};

const byLabel = (labels: Record<string, { zh: string }>) =>
  new Map<string, string>(
    Object.entries(labels).flatMap(([k, v]) => [
      [v.zh, k],
      [k, k],
    ]),
  );
const IP_BY_LABEL = byLabel(IP_TYPE_LABELS);
const FORM_BY_LABEL = byLabel(COOPERATION_FORM_LABELS);
/** Lists in a cell: 、，,；; or new lines. */
const splitList = (s: string) =>
  s
    .split(/[、，,；;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

type Parsed = { row: number; input: z.output<typeof AchievementInput> };

/** Largest JSONL upload accepted (the 8,693-paper dev corpus is about 12 MB). */
export const JSONL_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Achievement imports. The .xlsx import works like the enterprise import: preview with per-row
 * problems, nothing written until confirmed. The JSONL import reads the matching corpus format
 * (`{id, owners, title, keywords, text}`) so a real corpus can be loaded into a running
 * instance for a demonstration: the first owner is the institute, matched by name in the region
 * or created.
 */
export function createAchievementImport(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index' | 'directory' | 'uploads'>,
) {
  const { db, directory, uploads } = deps;
  async function preview(ctx: UserContext, file: Buffer): Promise<ImportPreview> {
    const sheet = (await readUploadedSheets(file)).sheets[0];
    if (!sheet) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    const header = findHeaderRow(
      sheet,
      [ACHIEVEMENT_HEADERS.title, ACHIEVEMENT_HEADERS.abstract],
      new Set(Object.values(ACHIEVEMENT_HEADERS)),
    );
    if (!header)
      throw new AppError(
        400,
        'BAD_FILE',
        `未找到表头行（应包含“${ACHIEVEMENT_HEADERS.title}”“${ACHIEVEMENT_HEADERS.institute}”和“${ACHIEVEMENT_HEADERS.abstract}”）`,
      );
    const { instituteByName, industryByName } = await db.transaction(ctx.scope, async (tx) => ({
      instituteByName: new Map(
        (
          await tx
            .select({ id: institutes.id, name: institutes.name })
            .from(institutes)
            .where(isNull(institutes.deletedAt))
        ).map((i) => [i.name, i.id]),
      ),
      industryByName: new Map(
        (await tx.select({ id: industries.id, name: industries.name }).from(industries)).map((i) => [
          i.name,
          i.id,
        ]),
      ),
    }));
    const problems: ImportRowProblem[] = [];
    const valid: Parsed[] = [];
    let total = 0;
    const breathe = createBreather();
    for (const line of sheet.rows) {
      await breathe();
      const r = line.row;
      if (r <= header.row) continue;
      const get = (name: string) => cellAt(line, header.columns.get(name));
      if ([...header.columns.keys()].every((k) => get(k) === '')) continue;
      total++;
      const rowProblems: ImportRowProblem[] = [];
      const instituteName = get(ACHIEVEMENT_HEADERS.institute);
      let instituteId: string | null = null;
      if (ctx.user.role === 'institute') instituteId = ctx.user.instituteId;
      else if (instituteName) {
        instituteId = instituteByName.get(instituteName) ?? null;
        if (!instituteId)
          rowProblems.push({
            row: r,
            column: ACHIEVEMENT_HEADERS.institute,
            message: `院所“${instituteName}”不在本区域名录中，请先在名录中添加`,
          });
      } else rowProblems.push({ row: r, column: ACHIEVEMENT_HEADERS.institute, message: '请填写所属院所' });
      const industryName = get(ACHIEVEMENT_HEADERS.industry);
      const industryId = industryName ? (industryByName.get(industryName) ?? null) : null;
      if (industryName && !industryId)
        rowProblems.push({
          row: r,
          column: ACHIEVEMENT_HEADERS.industry,
          message: `产业“${industryName}”不存在`,
        });
      const ipText = get(ACHIEVEMENT_HEADERS.ipType);
      const forms = splitList(get(ACHIEVEMENT_HEADERS.cooperationForms));
      const trlText = get(ACHIEVEMENT_HEADERS.trl).replace(/^TRL\s*/i, '');
      const parsed = AchievementInput.safeParse({
        instituteId,
        title: get(ACHIEVEMENT_HEADERS.title),
        abstract: get(ACHIEVEMENT_HEADERS.abstract),
        keywords: splitList(get(ACHIEVEMENT_HEADERS.keywords)),
        industryId,
        trl: trlText === '' ? Number.NaN : Number(trlText),
        ipType: ipText ? (IP_BY_LABEL.get(ipText) ?? ipText) : 'none',
        ipNumbers: splitList(get(ACHIEVEMENT_HEADERS.ipNumbers)),
        cooperationForms: forms.map((f) => FORM_BY_LABEL.get(f) ?? f),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          if (field === 'instituteId') continue;
          const message =
            field === 'trl'
              ? '技术成熟度应为 1–9 的整数'
              : field === 'ipType'
                ? `知识产权类型应为：${Object.values(IP_TYPE_LABELS)
                    .map((l) => l.zh)
                    .join('、')}`
                : field === 'cooperationForms'
                  ? `合作方式应为：${Object.values(COOPERATION_FORM_LABELS)
                      .map((l) => l.zh)
                      .join('、')}`
                  : issue.message;
          rowProblems.push({ row: r, column: FIELD_COLUMN[field] ?? field, message });
        }
      }
      if (rowProblems.length > 0 || !parsed.success) problems.push(...rowProblems);
      else valid.push({ row: r, input: parsed.data });
    }
    const token = uploads.put(ctx.user.id, 'achievement-import', valid);
    return {
      token,
      totalRows: total,
      validRows: valid.length,
      toCreate: valid.length,
      toUpdate: 0,
      ...capProblems(uploads, ctx.user.id, problems),
    };
  }

  /** Starts the write as a background job: one transaction, all rows or none; then the index catches up. */
  async function confirm(ctx: UserContext, token: string): Promise<ImportJob> {
    const rows = uploads.take<Parsed[]>(ctx.user.id, 'achievement-import', token);
    if (!rows) throw new AppError(400, 'IMPORT_EXPIRED', '导入预览已失效，请重新上传文件');
    const write = async (tx: Tx, step: ImportStep) => {
      for (const row of rows) {
        await step();
        await insertAchievement(deps, tx, ctx, row.input);
      }
      return { created: rows.length, updated: 0 };
    };
    return startImportJob(deps, ctx, 'achievement-import', rows.length, write, () => deps.index.changed());
  }

  async function importJsonl(ctx: UserContext, file: Buffer): Promise<AchievementJsonlResult> {
    if (ctx.user.role === 'institute')
      throw new AppError(403, 'FORBIDDEN', 'JSONL 导入仅供科技局工作人员演示使用');
    const problems: AchievementJsonlResult['problems'] = [];
    const docs: { line: number; owner: string; title: string; keywords: string[]; text: string }[] = [];
    const breathe = createBreather();
    for (let start = 0, i = 0; start < file.length; i++) {
      await breathe();
      const newline = file.indexOf(10, start);
      const end = newline < 0 ? file.length : newline;
      const tooLong = end - start > 1_000_000;
      const line = tooLong ? '' : file.toString('utf8', start, end).trim();
      start = end + 1;
      if (tooLong) problems.push({ line: i + 1, message: '该行超过 1 MB，已跳过' });
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push({ line: i + 1, message: '不是有效的 JSON' });
        continue;
      }
      const v = value as { owners?: unknown; title?: unknown; keywords?: unknown; text?: unknown };
      const owners = Array.isArray(v.owners)
        ? v.owners.filter((o): o is string => typeof o === 'string' && o.trim() !== '')
        : [];
      if (owners.length === 0) {
        problems.push({ line: i + 1, message: 'owners 应为非空的院所名称数组' });
        continue;
      }
      if (typeof v.title !== 'string' || !v.title.trim()) {
        problems.push({ line: i + 1, message: 'title 不能为空' });
        continue;
      }
      const keywords = Array.isArray(v.keywords)
        ? v.keywords.filter((k): k is string => typeof k === 'string')
        : [];
      docs.push({
        line: i + 1,
        owner: (owners[0] as string).trim().slice(0, 100),
        title: v.title.trim().slice(0, 200),
        keywords: keywords
          .map((k) => k.trim().slice(0, 40))
          .filter(Boolean)
          .slice(0, 20),
        text: typeof v.text === 'string' && v.text.trim() ? v.text.trim().slice(0, 10_000) : v.title.trim(),
      });
    }
    // The institutes the import lacks are created first (through the directory, which owns them),
    // then the achievements: one transaction that lets other requests in as it goes.
    const { created, institutesCreated } = await db.longTransaction(ctx.scope, async (tx, pause) => {
      const breathe = createBreather(20, pause);
      const idByName = await instituteIds(tx, ctx, new Set(docs.map((d) => d.owner)));
      let made = 0;
      for (const d of docs) {
        await breathe();
        const parsed = AchievementInput.safeParse({
          instituteId: idByName.ids.get(d.owner) ?? null,
          title: d.title,
          abstract: d.text,
          keywords: d.keywords,
          trl: 3,
          ipType: 'none',
        });
        if (!parsed.success) {
          problems.push({
            line: d.line,
            message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '),
          });
          continue;
        }
        await insertAchievement(deps, tx, ctx, parsed.data);
        made++;
      }
      return { created: made, institutesCreated: idByName.created };
    });
    deps.index.changed();
    problems.sort((a, b) => a.line - b.line);
    return { created, institutesCreated, ...capProblems(uploads, ctx.user.id, problems) };
  }

  /** The region's institutes by name, creating those missing (through the directory, which owns them). */
  async function instituteIds(tx: Tx, ctx: UserContext, names: Set<string>) {
    const known = await tx
      .select({ id: institutes.id, name: institutes.name })
      .from(institutes)
      .where(and(eq(institutes.regionCode, ctx.user.activeRegionCode), isNull(institutes.deletedAt)));
    const ids = new Map(known.map((k) => [k.name, k.id]));
    let created = 0;
    for (const name of names) {
      if (ids.has(name)) continue;
      const made = await directory.insertInstitute(tx, ctx, {
        name,
        kind: /大学|学院/.test(name) ? 'university' : name.startsWith('中国科学院') ? 'cas' : 'research',
        level: 'other',
        city: '',
      });
      ids.set(name, made.id);
      created++;
    }
    return { ids, created };
  }

  return { preview, confirm, importJsonl };
}
