import type { IndustryCard, IndustryOverview } from '@gaodi/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DataBox } from '../../../platform/crypto/index.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { nameInLang } from '../../../platform/db/name-in-lang.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { industries } from '../../directory/index.ts';
import { selectSummaries } from '../../innovation/index.ts';
import { selectTalents, TALENTS_LEADING_FIRST } from '../../talent/index.ts';
import { industryFigures, projectOfIndustrySql } from './industry-figures.ts';

/** How many talents an industry page lists (leading and high-level first); the figures count all. */
const TALENTS_SHOWN = 200;

/** The industries of the caller's region with their figures (leading industries first). */
export async function listIndustryCards(tx: Tx, year: number): Promise<IndustryCard[]> {
  const rows = await tx
    .select({
      id: industries.id,
      name: nameInLang(industries.name, industries.nameEn),
      isLeading: industries.isLeading,
    })
    .from(industries)
    .orderBy(asc(industries.sortOrder), asc(industries.name));
  const cards: IndustryCard[] = [];
  for (const r of rows) cards.push({ ...r, figures: await industryFigures(tx, r.id, year) });
  return cards;
}

/** One industry: its platforms, talents, projects, recruitment records and the year's figures. */
export async function readIndustryOverview(
  { box }: { box: DataBox },
  tx: Tx,
  ctx: UserContext,
  id: string,
  year: number,
): Promise<IndustryOverview> {
  const [industry] = await tx
    .select({
      id: industries.id,
      name: nameInLang(industries.name, industries.nameEn),
      isLeading: industries.isLeading,
    })
    .from(industries)
    .where(eq(industries.id, id));
  if (!industry) throw notFound(ctx.lang);
  const [figures, platforms, talents] = [
    await industryFigures(tx, id, year),
    await selectSummaries(tx, year, sql`p.industry_id = ${id}`, { limit: 500, offset: 0 }),
    await selectTalents(
      tx,
      box,
      ctx,
      sql`t.industry_id = ${id}`,
      { limit: TALENTS_SHOWN, offset: 0 },
      TALENTS_LEADING_FIRST,
    ),
  ];
  const projects = rowsOf<{ id: string; title: string; stage: string }>(
    await tx.execute(sql`SELECT c.id, c.title, c.stage FROM cooperation_projects c
      WHERE ${projectOfIndustrySql(id)} ORDER BY c.title LIMIT 500`),
  );
  const recruitment = rowsOf<{ id: string; instituteName: string; stage: string; grade: string }>(
    await tx.execute(sql`SELECT r.id, i.name AS "instituteName", r.stage, r.grade FROM recruitment_records r
      JOIN institutes i ON i.id = r.institute_id WHERE r.industry_id = ${id} ORDER BY r.grade, i.name LIMIT 500`),
  );
  return { ...industry, year, figures, platforms, talents, projects, recruitment };
}
