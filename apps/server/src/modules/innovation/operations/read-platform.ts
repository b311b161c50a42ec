import type { Assessment, Evidence, Partner, PlatformDetail } from '@gaodi/contracts';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { platformAssessments, platformEvidence, platformPartners, platforms } from '../innovation.table.ts';
import { selectSummaries } from './list-platforms.ts';
import { readCriteria, shortfallsOf } from './operating.ts';

/** A year's evidence as the page shows it, checked against the region's criteria. */
function evidenceOf(
  e: typeof platformEvidence.$inferSelect,
  criteria: Awaited<ReturnType<typeof readCriteria>>,
): Evidence {
  const shortfalls = shortfallsOf(e, criteria);
  return {
    id: e.id,
    year: e.year,
    staff: e.staff,
    areaM2: e.areaM2,
    equipmentFen: e.equipmentFen,
    rdSpendingFen: e.rdSpendingFen,
    patents: e.patents,
    standards: e.standards,
    products: e.products,
    servedEnterprises: e.servedEnterprises,
    revenueFen: e.revenueFen,
    fileIds: e.fileIds,
    note: e.note,
    meetsCriteria: shortfalls.length === 0,
    shortfalls,
    recordedAt: e.recordedAt.toISOString(),
  };
}

/** A platform's page: partners, evidence over the years, assessments, projects, recruitment records. */
export async function readPlatform(tx: Tx, id: string, year: number): Promise<PlatformDetail> {
  const [summary] = await selectSummaries(tx, year, sql`p.id = ${id}`, { limit: 1, offset: 0 });
  const [row] = await tx.select().from(platforms).where(eq(platforms.id, id));
  if (!summary || !row) throw notFound();
  const criteria = await readCriteria(tx, row.regionCode);
  const partners: Partner[] = (
    await tx
      .select()
      .from(platformPartners)
      .where(eq(platformPartners.platformId, id))
      .orderBy(asc(platformPartners.sortOrder))
  ).map((p) => ({
    id: p.id,
    kind: p.kind as Partner['kind'],
    role: p.role as Partner['role'],
    enterpriseId: p.enterpriseId,
    instituteId: p.instituteId,
    name: p.name,
  }));
  const evidence: Evidence[] = (
    await tx
      .select()
      .from(platformEvidence)
      .where(eq(platformEvidence.platformId, id))
      .orderBy(desc(platformEvidence.year))
  ).map((e) => evidenceOf(e, criteria));
  const assessments: Assessment[] = (
    await tx
      .select()
      .from(platformAssessments)
      .where(eq(platformAssessments.platformId, id))
      .orderBy(desc(platformAssessments.year))
  ).map((a) => ({
    id: a.id,
    year: a.year,
    grade: a.grade as Assessment['grade'],
    score: a.score,
    note: a.note,
    metCriteria: a.metCriteria,
    assessorName: a.assessorName,
    assessedAt: a.assessedAt.toISOString(),
  }));
  // Projects and recruitment records are read under the caller's row-level security too.
  const projects = rowsOf<{ id: string; title: string; stage: string }>(
    await tx.execute(sql`SELECT c.id, c.title, c.stage FROM platform_projects l
      JOIN cooperation_projects c ON c.id = l.project_id WHERE l.platform_id = ${id} ORDER BY c.title`),
  );
  const recruitment = rowsOf<{ id: string; instituteName: string; stage: string }>(
    await tx.execute(sql`SELECT r.id, i.name AS "instituteName", r.stage FROM recruitment_records r
      JOIN institutes i ON i.id = r.institute_id WHERE r.platform_id = ${id} ORDER BY i.name`),
  );
  return {
    ...summary,
    establishedOn: row.establishedOn,
    description: row.description,
    partners,
    evidence,
    assessments,
    projects,
    recruitment,
    criteria,
    year,
  };
}
