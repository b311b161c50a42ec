import { z } from 'zod';
import { IdParams } from './common.contract.ts';
import { PlatformSummary } from './innovation.contract.ts';
import { defineRoute } from './route.ts';
import { TalentSummary } from './talent.contract.ts';

/**
 * The four elements (主导产业 + 创新平台 + 领军人才 + 科研项目): from an industry to its platforms,
 * talents, cooperation projects and recruitment records, with the year's figures.
 */
export const IndustryFigures = z.object({
  platforms: z.number().int(),
  operatingPlatforms: z.number().int(),
  talents: z.number().int(),
  leadingTalentsCultivated: z.number().int(),
  highLevelTalentsGathered: z.number().int(),
  projects: z.number().int(),
  landedProjects: z.number().int(),
  recruitmentRecords: z.number().int(),
  signedRecruitment: z.number().int(),
});
export type IndustryFigures = z.infer<typeof IndustryFigures>;

export const IndustryCard = z.object({
  id: z.uuid(),
  name: z.string(),
  isLeading: z.boolean(),
  figures: IndustryFigures,
});
export type IndustryCard = z.infer<typeof IndustryCard>;

export const IndustryOverview = IndustryCard.extend({
  year: z.number().int(),
  platforms: z.array(PlatformSummary),
  talents: z.array(TalentSummary),
  projects: z.array(z.object({ id: z.uuid(), title: z.string(), stage: z.string() })),
  recruitment: z.array(
    z.object({ id: z.uuid(), instituteName: z.string(), stage: z.string(), grade: z.string() }),
  ),
});
export type IndustryOverview = z.infer<typeof IndustryOverview>;

const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ListIndustryCardsRoute = defineRoute({
  method: 'GET',
  path: '/api/elements/industries',
  summary: '各产业的四要素概况（平台、人才、项目、招引）',
  tags: ['elements'],
  access: { resource: 'platform', action: 'read' },
  query: YearQuery,
  response: z.array(IndustryCard),
});
export const GetIndustryOverviewRoute = defineRoute({
  method: 'GET',
  path: '/api/elements/industries/:id',
  summary: '一个产业的平台、人才、项目、招引记录与年度数据',
  tags: ['elements'],
  access: { resource: 'platform', action: 'read' },
  params: IdParams,
  query: YearQuery,
  response: IndustryOverview,
});
