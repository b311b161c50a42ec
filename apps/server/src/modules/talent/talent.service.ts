import type { TalentGroupInput, TalentInput, TalentListQuery, TalentProgrammeInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataBox } from '../../platform/crypto/index.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import { addGroup, addProgramme, readCatalogue } from './operations/catalogue.ts';
import { createTalentImport } from './operations/import-talent-ledger.ts';
import { listTalents } from './operations/list-talents.ts';
import { lookupTalent } from './operations/lookup-talent.ts';
import { readTalent } from './operations/read-talent.ts';
import { createTalent, updateTalent } from './operations/save-talent.ts';
import { exportTalentLedger } from './operations/talent-ledger.ts';

export type TalentService = ReturnType<typeof createTalentService>;
type Input = z.output<typeof TalentInput>;

/** The talent operations bound to their dependencies, built once in app.ts; one transaction per call. */
export function createTalentService({
  db,
  clock,
  box,
  uploads,
}: {
  db: Database;
  clock: Clock;
  box: DataBox;
  uploads: UploadStore;
}) {
  const deps = { box, clock };
  const run = <T>(ctx: UserContext, fn: (tx: Tx) => Promise<T>) => db.transaction(ctx.scope, fn);
  const ledgerImport = createTalentImport({ db, box, clock, uploads });
  return {
    listTalents: (ctx: UserContext, query: z.output<typeof TalentListQuery>) =>
      run(ctx, (tx) => listTalents(deps, tx, ctx, query)),
    readTalent: (ctx: UserContext, id: string) => run(ctx, (tx) => readTalent(deps, tx, ctx, id)),
    createTalent: (ctx: UserContext, input: Input) => run(ctx, (tx) => createTalent(deps, tx, ctx, input)),
    updateTalent: (ctx: UserContext, id: string, input: Input) =>
      run(ctx, (tx) => updateTalent(deps, tx, ctx, id, input)),
    lookupTalent: (ctx: UserContext, idNumber: string) =>
      run(ctx, (tx) => lookupTalent(deps, tx, ctx, idNumber)),
    readCatalogue: (ctx: UserContext) => run(ctx, readCatalogue),
    addProgramme: (ctx: UserContext, input: z.output<typeof TalentProgrammeInput>) =>
      run(ctx, (tx) => addProgramme(deps, tx, ctx, input)),
    addGroup: (ctx: UserContext, input: z.output<typeof TalentGroupInput>) =>
      run(ctx, (tx) => addGroup(deps, tx, ctx, input)),
    exportLedger: (ctx: UserContext) => run(ctx, (tx) => exportTalentLedger(deps, tx, ctx)),
    previewImport: ledgerImport.preview,
    confirmImport: ledgerImport.confirm,
  };
}
