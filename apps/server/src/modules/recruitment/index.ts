/** Recruitment (大院大所招引): plans, records with task forces, milestones and the work ledger. */
export {
  exportRecruitmentLedger,
  LEDGER_RECORDS_SQL,
  ledgerEntriesSql,
  monthRange,
} from './operations/export-ledger.ts';
export type { RecruitmentDeps } from './recruitment.deps.ts';
export { recruitmentRoutes } from './recruitment.routes.ts';
export { recruitmentSupervisedItems } from './recruitment.supervision.ts';
export {
  recruitmentEntries,
  recruitmentMilestones,
  recruitmentPlans,
  recruitmentRecords,
} from './recruitment.table.ts';
