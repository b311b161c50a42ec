import { AchievementInput, type AchievementJsonlResult } from '@gaodi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { createBreather } from '../../../platform/jobs/yielding.ts';
import { institutes } from '../../directory/index.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { insertAchievement } from './insert-achievement.ts';

/** Largest JSONL upload accepted (the 8,693-paper dev corpus is about 12 MB). */
export const JSONL_MAX_BYTES = 50 * 1024 * 1024;

type Deps = Pick<MatchmakingDeps, 'db' | 'clock' | 'index' | 'directory' | 'uploads'>;
type Problems = AchievementJsonlResult['problems'];
type CorpusDoc = { line: number; owner: string; title: string; keywords: string[]; text: string };

/** One corpus line's object → a document, or why not. */
function readCorpusDoc(value: unknown, line: number): CorpusDoc | string {
  const v = value as { owners?: unknown; title?: unknown; keywords?: unknown; text?: unknown };
  const owners = Array.isArray(v.owners)
    ? v.owners.filter((o): o is string => typeof o === 'string' && o.trim() !== '')
    : [];
  if (owners.length === 0) return 'owners 应为非空的院所名称数组';
  if (typeof v.title !== 'string' || !v.title.trim()) return 'title 不能为空';
  const keywords = Array.isArray(v.keywords)
    ? v.keywords.filter((k): k is string => typeof k === 'string')
    : [];
  return {
    line,
    owner: (owners[0] as string).trim().slice(0, 100),
    title: v.title.trim().slice(0, 200),
    keywords: keywords
      .map((k) => k.trim().slice(0, 40))
      .filter(Boolean)
      .slice(0, 20),
    text: typeof v.text === 'string' && v.text.trim() ? v.text.trim().slice(0, 10_000) : v.title.trim(),
  };
}

/** The file's lines as documents; lines too long, not JSON or without owner or title are problems. */
async function readCorpusLines(file: Buffer, problems: Problems): Promise<CorpusDoc[]> {
  const docs: CorpusDoc[] = [];
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
    const doc = readCorpusDoc(value, i + 1);
    if (typeof doc === 'string') problems.push({ line: i + 1, message: doc });
    else docs.push(doc);
  }
  return docs;
}

/** The region's institutes by name, creating those missing (through the directory, which owns them). */
async function instituteIds(deps: Deps, tx: Tx, ctx: UserContext, names: Set<string>) {
  const known = await tx
    .select({ id: institutes.id, name: institutes.name })
    .from(institutes)
    .where(and(eq(institutes.regionCode, ctx.user.activeRegionCode), isNull(institutes.deletedAt)));
  const ids = new Map(known.map((k) => [k.name, k.id]));
  let created = 0;
  for (const name of names) {
    if (ids.has(name)) continue;
    const made = await deps.directory.insertInstitute(tx, ctx, {
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

/**
 * The JSONL import reads the matching corpus format (`{id, owners, title, keywords, text}`) so a
 * real corpus can be loaded into a running instance for a demonstration: the first owner is the
 * institute, matched by name in the region or created.
 */
export async function importAchievementsJsonl(
  deps: Deps,
  ctx: UserContext,
  file: Buffer,
): Promise<AchievementJsonlResult> {
  const problems: Problems = [];
  const docs = await readCorpusLines(file, problems);
  // The institutes the import lacks are created first (through the directory, which owns them),
  // then the achievements: one transaction that lets other requests in as it goes.
  const { created, institutesCreated } = await deps.db.longTransaction(ctx.scope, async (tx, pause) => {
    const breathe = createBreather(20, pause);
    const idByName = await instituteIds(deps, tx, ctx, new Set(docs.map((d) => d.owner)));
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
  return { created, institutesCreated, ...capProblems(deps.uploads, ctx.user.id, problems) };
}
