import type {
  CarrierInput,
  CarrierListQuery,
  IncubateeInput,
  IncubateeListQuery,
  OccupancyInput,
  RegistrationInput,
  ReportInput,
  VisitInput,
} from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import type { StageMover } from '../pipelines/index.ts';
import type { IncubateeMoveInput } from './incubation.pipeline.ts';
import { readIncubatee } from './incubation.queries.ts';
import { addOccupancy } from './operations/add-occupancy.ts';
import { addVisit } from './operations/add-visit.ts';
import { createCarrier } from './operations/create-carrier.ts';
import { createIncubatee } from './operations/create-incubatee.ts';
import { createIncubateeImport } from './operations/import-incubatee-ledger.ts';
import { exportIncubateeLedger } from './operations/incubatee-ledger.ts';
import { listCarriers } from './operations/list-carriers.ts';
import { listIncubatees } from './operations/list-incubatees.ts';
import { moveIncubatee } from './operations/move-incubatee.ts';
import { readCarrier } from './operations/read-carrier.ts';
import { registerIncubatee } from './operations/register-incubatee.ts';
import { createReportImport, exportReportTemplate } from './operations/report-sheet.ts';
import { saveReport } from './operations/save-report.ts';

export type IncubationService = ReturnType<typeof createIncubationService>;
type Out<T extends z.ZodType> = z.output<T>;

/** The incubation operations bound to their dependencies, built once in app.ts; one transaction per call. */
export function createIncubationService({
  db,
  clock,
  mover,
  uploads,
}: {
  db: Database;
  clock: Clock;
  mover: StageMover;
  uploads: UploadStore;
}) {
  const deps = { clock, mover };
  const ledgerImport = createIncubateeImport({ db, clock, uploads });
  const reportImport = createReportImport({ db, clock, uploads });
  const run = <T>(ctx: UserContext, fn: (tx: Tx) => Promise<T>) => db.transaction(ctx.scope, fn);
  return {
    listCarriers: (ctx: UserContext, q: Out<typeof CarrierListQuery>) =>
      run(ctx, (tx) => listCarriers(tx, q)),
    createCarrier: (ctx: UserContext, input: Out<typeof CarrierInput>) =>
      run(ctx, (tx) => createCarrier(deps, tx, ctx, input)),
    readCarrier: (ctx: UserContext, id: string) => run(ctx, (tx) => readCarrier(tx, ctx, id)),
    addOccupancy: (ctx: UserContext, id: string, input: Out<typeof OccupancyInput>) =>
      run(ctx, (tx) => addOccupancy(tx, ctx, id, input)),
    listIncubatees: (ctx: UserContext, q: Out<typeof IncubateeListQuery>) =>
      run(ctx, (tx) => listIncubatees(tx, q)),
    createIncubatee: (ctx: UserContext, input: Out<typeof IncubateeInput>) =>
      run(ctx, (tx) => createIncubatee(deps, tx, ctx, input)),
    readIncubatee: (ctx: UserContext, id: string) => run(ctx, (tx) => readIncubatee(tx, ctx, id)),
    moveIncubatee: (ctx: UserContext, id: string, input: IncubateeMoveInput) =>
      run(ctx, (tx) => moveIncubatee(deps, tx, ctx, id, input)),
    registerIncubatee: (ctx: UserContext, id: string, input: Out<typeof RegistrationInput>) =>
      run(ctx, (tx) => registerIncubatee(deps, tx, ctx, id, input)),
    addVisit: (ctx: UserContext, id: string, input: Out<typeof VisitInput>) =>
      run(ctx, (tx) => addVisit(deps, tx, ctx, id, input)),
    saveReport: (ctx: UserContext, id: string, input: Out<typeof ReportInput>) =>
      run(ctx, (tx) => saveReport(deps, tx, ctx, id, input)),
    exportLedger: (ctx: UserContext) => run(ctx, (tx) => exportIncubateeLedger(deps, tx, ctx)),
    previewImport: ledgerImport.preview,
    confirmImport: ledgerImport.confirm,
    reportTemplate: (ctx: UserContext) => run(ctx, (tx) => exportReportTemplate(deps, tx)),
    previewReports: reportImport.preview,
    confirmReports: (ctx: UserContext, token: string) => reportImport.confirm(ctx, token, clock.now()),
  };
}
