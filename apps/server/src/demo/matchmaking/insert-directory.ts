import { creditCodeCheckChar } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { enterprises, experts, institutes } from '../../modules/directory/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { searchTextOf } from '../../platform/text/search-text.ts';
import type { DemoCalendar } from '../demo-calendar.ts';
import { EXPERTS, JX, MORE_ENTERPRISES, MORE_INSTITUTES } from './directory.data.ts';

/** Ids by name of Jinxiang's enterprises and institutes, the demo's records name them. */
export type DemoDirectoryIds = { enterprise: Map<string, string>; institute: Map<string, string> };

/** What every step of the matchmaking demo writes with: one transaction, the calendar, who did it. */
export type MatchmakingDemoContext = {
  tx: Tx;
  cal: DemoCalendar;
  /** A day of the year's story, written as told, at an hour in China. */
  at: (written: string, hour?: number) => Date;
  staff: string | null;
  industryId: Map<string, string>;
  ids: DemoDirectoryIds;
};

/** A valid 统一社会信用代码 (same scheme as the foundation's demo enterprises, serials from 101). */
const creditCode = (serial: number) => {
  const first17 = `91${JX}${String(serial).padStart(8, '0')}X`;
  return first17 + creditCodeCheckChar(first17);
};

/** The enterprises, institutes and experts the matchmaking story adds (each once). */
export async function insertDemoDirectory(
  tx: Tx,
  industryId: Map<string, string>,
): Promise<DemoDirectoryIds> {
  let serial = 101;
  for (const e of MORE_ENTERPRISES)
    await tx
      .insert(enterprises)
      .values({
        regionCode: JX,
        creditCode: creditCode(serial++),
        name: e.name,
        searchText: searchTextOf(e.name),
        industryId: industryId.get(e.industry) ?? null,
        scale: e.scale,
        address: '金乡县',
        contactName: e.contact,
        contactPhone: e.phone,
      })
      .onConflictDoNothing();
  for (const i of MORE_INSTITUTES)
    await tx
      .insert(institutes)
      .values({ ...i, regionCode: JX, searchText: searchTextOf(i.name) })
      .onConflictDoNothing();
  const ids = await directoryIds(tx);
  for (const x of EXPERTS) {
    const instituteId = ids.institute.get(x.institute);
    if (!instituteId) continue;
    const [exists] = await tx
      .select({ id: experts.id })
      .from(experts)
      .where(and(eq(experts.instituteId, instituteId), eq(experts.name, x.name)));
    if (!exists)
      await tx.insert(experts).values({
        regionCode: JX,
        instituteId,
        name: x.name,
        searchText: searchTextOf(x.name),
        title: x.title,
        field: x.field,
      });
  }
  return ids;
}

async function directoryIds(tx: Tx): Promise<DemoDirectoryIds> {
  const enterpriseRows = await tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.regionCode, JX));
  const instituteRows = await tx
    .select({ id: institutes.id, name: institutes.name })
    .from(institutes)
    .where(eq(institutes.regionCode, JX));
  return {
    enterprise: new Map(enterpriseRows.map((e) => [e.name, e.id])),
    institute: new Map(instituteRows.map((e) => [e.name, e.id])),
  };
}
