/** Recruitment (大院大所招引): plans, records with task forces, milestones and the work ledger. */
export {
  exportRecruitmentLedger,
  LEDGER_RECORDS_SQL,
  ledgerEntriesSql,
  monthRange,
} from './recruitment.export.ts';
export { recruitmentRoutes } from './recruitment.routes.ts';
export { createRecruitmentService, type RecruitmentService } from './recruitment.service.ts';
export { recruitmentSupervisedItems } from './recruitment.supervision.ts';
export {
  recruitmentEntries,
  recruitmentMilestones,
  recruitmentPlans,
  recruitmentRecords,
} from './recruitment.table.ts';
