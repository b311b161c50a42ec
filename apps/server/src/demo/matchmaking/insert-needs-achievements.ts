import { achievements, techNeeds } from '../../modules/matchmaking/index.ts';
import { searchTextOf } from '../../platform/text/search-text.ts';
import { ACHIEVEMENTS } from './achievements.data.ts';
import { JX, MORE_ENTERPRISES } from './directory.data.ts';
import type { MatchmakingDemoContext } from './insert-directory.ts';
import { NEEDS } from './needs.data.ts';

/** The institutes' achievements; returns their ids by title. */
export async function insertDemoAchievements(c: MatchmakingDemoContext): Promise<Map<string, string>> {
  const achievementId = new Map<string, string>();
  for (const a of ACHIEVEMENTS) {
    const instituteId = c.ids.institute.get(a.institute);
    if (!instituteId) continue;
    const [row] = await c.tx
      .insert(achievements)
      .values({
        regionCode: JX,
        instituteId,
        title: a.title,
        searchText: searchTextOf(a.title, ...a.keywords),
        abstract: a.abstract,
        keywords: a.keywords,
        industryId: c.industryId.get(a.industry) ?? null,
        trl: a.trl,
        ipType: a.ipType,
        ipNumbers: a.ipNumbers ?? [],
        cooperationForms: a.forms,
        createdAt: c.at('2026-01-05'),
        updatedAt: c.at('2026-01-05'),
        createdBy: c.staff,
      })
      .returning({ id: achievements.id });
    if (row) achievementId.set(a.title, row.id);
  }
  return achievementId;
}

/** The enterprises' needs at their stages; returns their ids by title. */
export async function insertDemoNeeds(c: MatchmakingDemoContext): Promise<Map<string, string>> {
  const needId = new Map<string, string>();
  for (const n of NEEDS) {
    const enterpriseId = c.ids.enterprise.get(n.enterprise);
    if (!enterpriseId) continue;
    const contact = MORE_ENTERPRISES.find((e) => e.name === n.enterprise);
    const [row] = await c.tx
      .insert(techNeeds)
      .values({
        regionCode: JX,
        enterpriseId,
        title: n.title,
        searchText: searchTextOf(n.title, ...n.keywords),
        description: n.description,
        keywords: n.keywords,
        industryId: c.industryId.get(n.industry) ?? null,
        budgetMinFen: n.budget[0] * 100,
        budgetMaxFen: n.budget[1] * 100,
        cooperationForms: n.forms,
        deadline: null,
        contactName: contact?.contact ?? '',
        contactPhone: contact?.phone ?? '',
        stage: n.stage,
        stageChangedAt: c.at(n.on, 15),
        createdAt: c.at(n.on),
        updatedAt: c.at(n.on, 15),
        createdBy: c.staff,
      })
      .returning({ id: techNeeds.id });
    if (row) needId.set(n.title, row.id);
  }
  return needId;
}
