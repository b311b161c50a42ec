import type {
  AgendaDecisionInput,
  AgendaProposalInput,
  AgendaProposalListQuery,
  SupervisedItemType,
  SupervisionRulesInput,
} from '@gaodi/contracts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { dateLightsFromPast } from './operations/date-lights-from-past.ts';
import { decideProposal } from './operations/decide-proposal.ts';
import { getRules } from './operations/get-rules.ts';
import { listLightHistory } from './operations/list-light-history.ts';
import { listProposals } from './operations/list-proposals.ts';
import { proposeItem } from './operations/propose-item.ts';
import { refreshItems } from './operations/refresh-items.ts';
import { refreshRegion } from './operations/refresh-region.ts';
import { runLightsJob } from './operations/run-lights-job.ts';
import { saveRules } from './operations/save-rules.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export { LIGHTS_JOB, lightsJob } from './operations/run-lights-job.ts';

export type SupervisionService = ReturnType<typeof createSupervisionService>;

/**
 * Lights, escalations and round-table proposals over the items every registered module supervises
 * (recruitment records, projects; service requests and round-table decisions register the same
 * way). Built once in app.ts; other modules call it inside their own transactions. Each operation
 * lives in operations/<verb-noun>.ts; this binds them to the deps.
 */
export function createSupervisionService(deps: SupervisionDeps) {
  return {
    refreshItems: (tx: Tx, itemType: SupervisedItemType, ids: readonly string[]) =>
      refreshItems(deps, tx, itemType, ids),
    dateLightsFromPast: (tx: Tx, itemType: SupervisedItemType, ids: readonly string[]) =>
      dateLightsFromPast(deps, tx, itemType, ids),
    runLightsJob: () => runLightsJob(deps),
    refreshRegion: (ctx: UserContext) => refreshRegion(deps, ctx),
    getRules: (ctx: UserContext) => getRules(deps, ctx),
    setRules: (ctx: UserContext, input: SupervisionRulesInput) => saveRules(deps, ctx, input),
    listLightHistory,
    listProposals: (ctx: UserContext, query?: AgendaProposalListQuery) => listProposals(deps, ctx, query),
    proposeItem: (ctx: UserContext, input: AgendaProposalInput) => proposeItem(deps, ctx, input),
    decideProposal: (ctx: UserContext, id: string, input: AgendaDecisionInput) =>
      decideProposal(deps, ctx, id, input),
  };
}
