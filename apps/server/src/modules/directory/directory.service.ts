import type { EnterpriseInput, InstituteInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { DirectoryDeps } from './directory.deps.ts';
import { type EnterpriseQuery, listEnterpriseRows } from './directory.queries.ts';
import { insertEnterprise, insertInstitute, updateEnterpriseIn } from './directory.writes.ts';
import { createEnterprise } from './operations/create-enterprise.ts';
import { createExpert } from './operations/create-expert.ts';
import { createIndustry } from './operations/create-industry.ts';
import { createInstitute } from './operations/create-institute.ts';
import { getEnterprise } from './operations/get-enterprise.ts';
import { getExpert } from './operations/get-expert.ts';
import { getInstitute } from './operations/get-institute.ts';
import { listEnterprises } from './operations/list-enterprises.ts';
import { listExperts } from './operations/list-experts.ts';
import { listIndustries } from './operations/list-industries.ts';
import { listInstitutes } from './operations/list-institutes.ts';
import { setEnterpriseDeleted } from './operations/set-enterprise-deleted.ts';
import { setExpertDeleted } from './operations/set-expert-deleted.ts';
import { setInstituteDeleted } from './operations/set-institute-deleted.ts';
import { updateEnterprise } from './operations/update-enterprise.ts';
import { updateExpert } from './operations/update-expert.ts';
import { updateInstitute } from './operations/update-institute.ts';
import { updateInstituteAliases } from './operations/update-institute-aliases.ts';

export type DirectoryService = ReturnType<typeof createDirectoryService>;

type Rest<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;
const bind =
  <F extends (deps: DirectoryDeps, ...args: never[]) => unknown>(deps: DirectoryDeps, f: F) =>
  (...args: Parameters<Rest<F>>) =>
    (f as unknown as (deps: DirectoryDeps, ...a: unknown[]) => ReturnType<F>)(deps, ...args);

/**
 * The directory's operations (one per file in operations/) bound to their dependencies: built once
 * in app.ts and shared by the directory's routes and the modules that create institutes or
 * enterprises in their own transactions (imports).
 */
export function createDirectoryService(deps: DirectoryDeps) {
  return {
    listIndustries: bind(deps, listIndustries),
    createIndustry: bind(deps, createIndustry),
    listEnterprises: bind(deps, listEnterprises),
    listEnterpriseRows: (tx: Tx, ctx: UserContext, query: EnterpriseQuery, limit: number | null) =>
      listEnterpriseRows(tx, ctx, query, limit),
    getEnterprise: bind(deps, getEnterprise),
    createEnterprise: bind(deps, createEnterprise),
    updateEnterprise: bind(deps, updateEnterprise),
    setEnterpriseDeleted: bind(deps, setEnterpriseDeleted),
    insertEnterprise: (tx: Tx, ctx: UserContext, input: z.output<typeof EnterpriseInput>) =>
      insertEnterprise(deps, tx, ctx, input),
    updateEnterpriseIn: (tx: Tx, ctx: UserContext, id: string, input: z.output<typeof EnterpriseInput>) =>
      updateEnterpriseIn(deps, tx, ctx, id, input),
    listInstitutes: bind(deps, listInstitutes),
    getInstitute: bind(deps, getInstitute),
    createInstitute: bind(deps, createInstitute),
    insertInstitute: (tx: Tx, ctx: UserContext, input: z.output<typeof InstituteInput>) =>
      insertInstitute(deps, tx, ctx, input),
    updateInstitute: bind(deps, updateInstitute),
    updateInstituteAliases: bind(deps, updateInstituteAliases),
    setInstituteDeleted: bind(deps, setInstituteDeleted),
    listExperts: bind(deps, listExperts),
    getExpert: bind(deps, getExpert),
    createExpert: bind(deps, createExpert),
    updateExpert: bind(deps, updateExpert),
    setExpertDeleted: bind(deps, setExpertDeleted),
  };
}
