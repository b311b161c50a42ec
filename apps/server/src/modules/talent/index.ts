/**
 * Talent (人才): the registry with programmes from the region's catalogue, groups, arrival or
 * cultivation, links to platforms, projects and recruitment records; phone and ID number encrypted
 * at rest and masked for non-owners; the 人才台账 export and checked import.
 */
export { countTalentFigures } from './operations/count-talent-figures.ts';
export { LEADING_FIRST as TALENTS_LEADING_FIRST, selectTalents } from './operations/talent-rows.ts';
export {
  highLevelGatheredInSql,
  isHighLevelSql,
  isLeadingSql,
  leadingCultivatedInSql,
} from './operations/talent-sql.ts';
export { talentEncryptedColumns } from './talent.encrypted.ts';
export { talentRoutes } from './talent.routes.ts';
export { createTalentService, type TalentService } from './talent.service.ts';
export { talentAwards, talentGroups, talentProgrammes, talents } from './talent.table.ts';
