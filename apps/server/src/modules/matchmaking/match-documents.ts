import type { MatchDocument, MatchingEngine } from '@gaodi/matching';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { rowsOf } from './sql-rows.ts';

// What the matching index holds: the documents made from needs, achievements and experts, their
// tags, and how they are read from the tables (all of them at a rebuild, the changed ones after).

type Owner = Database['owner'];

/** Tags the index puts on documents; the recommendation filters use the same helpers. */
export const matchTags = {
  /** Achievements and experts: the institute's tenant region (what a user may be recommended). */
  party: (regionCode: string) => `party:${regionCode}`,
  /** Needs: the enterprise's region. */
  needRegion: (regionCode: string) => `region:${regionCode}`,
  industry: (id: string) => `industry:${id}`,
  trl: (n: number) => `trl:${n}`,
  level: (level: string) => `level:${level}`,
  city: (city: string) => `city:${city}`,
  openNeed: 'need:open',
  achievement: 'kind:achievement',
  expert: 'kind:expert',
  need: 'kind:need',
} as const;

type AchievementRow = {
  id: string;
  region_code: string;
  institute_id: string;
  title: string;
  abstract: string;
  keywords: string[];
  industry_id: string | null;
  trl: number;
  level: string;
  city: string;
};
type NeedRow = {
  id: string;
  region_code: string;
  enterprise_id: string;
  title: string;
  description: string;
  keywords: string[];
  industry_id: string | null;
  stage: string;
};
type ExpertRow = {
  id: string;
  region_code: string;
  institute_id: string;
  name: string;
  title: string;
  field: string;
  level: string;
  city: string;
};

const instituteTags = (r: { region_code: string; level: string; city: string }) => [
  matchTags.party(r.region_code),
  matchTags.level(r.level),
  ...(r.city ? [matchTags.city(r.city)] : []),
];

export const achievementDocument = (r: AchievementRow): MatchDocument => ({
  id: `achievement:${r.id}`,
  owners: [r.institute_id],
  fields: { title: r.title, keywords: r.keywords, text: r.abstract },
  tags: [
    matchTags.achievement,
    ...instituteTags(r),
    matchTags.trl(r.trl),
    ...(r.industry_id ? [matchTags.industry(r.industry_id)] : []),
  ],
});

export const needDocument = (r: NeedRow): MatchDocument => ({
  id: `need:${r.id}`,
  owners: [r.enterprise_id],
  fields: { title: r.title, keywords: r.keywords, text: r.description },
  tags: [
    matchTags.need,
    matchTags.needRegion(r.region_code),
    ...(r.stage === 'published' || r.stage === 'matching' ? [matchTags.openNeed] : []),
    ...(r.industry_id ? [matchTags.industry(r.industry_id)] : []),
  ],
});

export const expertDocument = (r: ExpertRow): MatchDocument => ({
  id: `expert:${r.id}`,
  owners: [r.institute_id],
  // The research field is what a need can match; the name and title only label the result.
  fields: { title: r.field, keywords: r.field ? [r.field] : [], text: r.field },
  tags: [matchTags.expert, ...instituteTags(r)],
});

/**
 * The text of a need as a query: title, keywords and the start of the description (a query's cost
 * grows with its terms, and the opening of a need says what it is about).
 */
export const needQueryText = (need: { title: string; keywords: readonly string[]; description: string }) =>
  [need.title, need.keywords.join(' '), need.description.slice(0, 400)].join('\n');

const ACHIEVEMENTS_SQL = sql`
  SELECT a.id, a.region_code, a.institute_id, a.title, a.abstract, a.keywords, a.industry_id, a.trl,
         i.level, i.city
  FROM achievements a JOIN institutes i ON i.id = a.institute_id
  WHERE a.deleted_at IS NULL AND i.deleted_at IS NULL`;
const NEEDS_SQL = sql`
  SELECT id, region_code, enterprise_id, title, description, keywords, industry_id, stage
  FROM tech_needs WHERE deleted_at IS NULL`;
const EXPERTS_SQL = sql`
  SELECT e.id, e.region_code, e.institute_id, e.name, e.title, e.field, i.level, i.city
  FROM experts e JOIN institutes i ON i.id = e.institute_id
  WHERE e.deleted_at IS NULL AND i.deleted_at IS NULL AND e.field <> ''`;

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Every live document, for a rebuild. */
export async function readAllDocuments(owner: Owner): Promise<MatchDocument[]> {
  const [achievementRows, needRows, expertRows] = [
    rowsOf<AchievementRow>(await owner.execute(ACHIEVEMENTS_SQL)),
    rowsOf<NeedRow>(await owner.execute(NEEDS_SQL)),
    rowsOf<ExpertRow>(await owner.execute(EXPERTS_SQL)),
  ];
  return [
    ...achievementRows.map(achievementDocument),
    ...needRows.map(needDocument),
    ...expertRows.map(expertDocument),
  ];
}

/** Document ids (`kind:uuid`) grouped by kind. */
const idsByKind = (docIds: Set<string>) => {
  const byKind = new Map<string, string[]>();
  for (const docId of docIds) {
    const colon = docId.indexOf(':');
    const kind = docId.slice(0, colon);
    byKind.set(kind, [...(byKind.get(kind) ?? []), docId.slice(colon + 1)]);
  }
  return {
    institutes: byKind.get('institute') ?? [],
    achievements: byKind.get('achievement') ?? [],
    experts: byKind.get('expert') ?? [],
    needs: byKind.get('need') ?? [],
  };
};

/** Re-reads the changed documents into the engine: updated where live, removed where gone. */
export async function applyDocumentChanges(owner: Owner, engine: MatchingEngine, docIds: Set<string>) {
  const ids = idsByKind(docIds);
  const seen = new Set<string>();
  for (let i = 0; i < ids.achievements.length || i < ids.experts.length || i < ids.needs.length; i += 1000) {
    const a = ids.achievements.slice(i, i + 1000);
    const e = ids.experts.slice(i, i + 1000);
    const n = ids.needs.slice(i, i + 1000);
    if (a.length)
      for (const r of rowsOf<AchievementRow>(
        await owner.execute(sql`${ACHIEVEMENTS_SQL} AND a.id IN (${uuidList(a)})`),
      )) {
        engine.update(achievementDocument(r));
        seen.add(`achievement:${r.id}`);
      }
    if (e.length)
      for (const r of rowsOf<ExpertRow>(
        await owner.execute(sql`${EXPERTS_SQL} AND e.id IN (${uuidList(e)})`),
      )) {
        engine.update(expertDocument(r));
        seen.add(`expert:${r.id}`);
      }
    if (n.length)
      for (const r of rowsOf<NeedRow>(await owner.execute(sql`${NEEDS_SQL} AND id IN (${uuidList(n)})`))) {
        engine.update(needDocument(r));
        seen.add(`need:${r.id}`);
      }
  }
  // Gone (deleted, soft-deleted, or emptied): out of the index.
  for (const [kind, list] of [
    ['achievement', ids.achievements],
    ['expert', ids.experts],
    ['need', ids.needs],
  ] as const) {
    for (const id of list) if (!seen.has(`${kind}:${id}`)) engine.remove(`${kind}:${id}`);
  }
  if (ids.institutes.length) await applyInstituteChanges(owner, engine, ids.institutes);
}

/** An institute's level, city or deletion changes its documents' tags. */
async function applyInstituteChanges(owner: Owner, engine: MatchingEngine, institutes: string[]) {
  const list = uuidList(institutes);
  const achievementRows = rowsOf<AchievementRow>(
    await owner.execute(sql`
      SELECT a.id, a.region_code, a.institute_id, a.title, a.abstract, a.keywords, a.industry_id, a.trl,
             i.level, i.city, (a.deleted_at IS NULL AND i.deleted_at IS NULL) AS live
      FROM achievements a JOIN institutes i ON i.id = a.institute_id WHERE i.id IN (${list})`),
  ) as (AchievementRow & { live: boolean })[];
  for (const r of achievementRows)
    r.live ? engine.update(achievementDocument(r)) : engine.remove(`achievement:${r.id}`);
  const expertRows = rowsOf<ExpertRow & { live: boolean }>(
    await owner.execute(sql`
      SELECT e.id, e.region_code, e.institute_id, e.name, e.title, e.field, i.level, i.city,
             (e.deleted_at IS NULL AND i.deleted_at IS NULL AND e.field <> '') AS live
      FROM experts e JOIN institutes i ON i.id = e.institute_id WHERE i.id IN (${list})`),
  );
  for (const r of expertRows) r.live ? engine.update(expertDocument(r)) : engine.remove(`expert:${r.id}`);
}
