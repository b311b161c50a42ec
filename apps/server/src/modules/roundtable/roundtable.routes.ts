import {
  AddAgendaItemRoute,
  AddDecisionRoute,
  CreateMeetingRoute,
  ExportDecisionLedgerRoute,
  ExportMinutesRoute,
  GetMeetingRoute,
  GetRoundtableHistoryRoute,
  ListChairsRoute,
  ListDecisionsRoute,
  ListMeetingsRoute,
  MarkMeetingHeldRoute,
  MoveDecisionStageRoute,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import { rowsOf } from '../../platform/db/database.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { chinaToday } from '../pipelines/index.ts';
import { listDecisions, listPeople, roundtableHistory } from './operations/list-decisions.ts';
import {
  addAgendaItem,
  addDecision,
  createMeeting,
  getMeeting,
  listMeetings,
  markMeetingHeld,
} from './operations/manage-meeting.ts';
import { moveDecisionStage } from './operations/move-decision-stage.ts';
import type { RoundtableDeps } from './roundtable.deps.ts';
import { decisionLedgerXlsx, minutesDocx } from './roundtable.report.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const regionName = (deps: RoundtableDeps, ctx: UserContext) =>
  deps.db.transaction(
    ctx.scope,
    async (tx) =>
      rowsOf<{ name: string }>(
        await tx.execute(sql`SELECT name FROM regions WHERE code = ${ctx.user.activeRegionCode}`),
      )[0]?.name ?? '',
  );

const attachment = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const roundtableRoutes: FastifyPluginAsync<{ auth: AuthService; roundtable: RoundtableDeps }> = async (
  app,
  { auth, roundtable: deps },
) => {
  registerRoute(app, auth, ListMeetingsRoute, ({ ctx }) => listMeetings(deps, ctx));
  registerRoute(app, auth, GetMeetingRoute, ({ ctx, params }) => getMeeting(deps, ctx, params.id));
  registerRoute(app, auth, CreateMeetingRoute, ({ ctx, body }) => createMeeting(deps, ctx, body));
  registerRoute(app, auth, MarkMeetingHeldRoute, ({ ctx, params }) => markMeetingHeld(deps, ctx, params.id));
  registerRoute(app, auth, AddAgendaItemRoute, ({ ctx, params, body }) =>
    addAgendaItem(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, AddDecisionRoute, ({ ctx, params, body }) => addDecision(deps, ctx, params, body));
  registerRoute(app, auth, MoveDecisionStageRoute, ({ ctx, params, body }) =>
    moveDecisionStage(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, ListDecisionsRoute, ({ ctx, query }) => listDecisions(deps, ctx, query));
  registerRoute(app, auth, GetRoundtableHistoryRoute, ({ ctx, query }) =>
    roundtableHistory(deps, ctx, query),
  );
  registerRoute(app, auth, ListChairsRoute, ({ ctx }) => listPeople(deps, ctx));
  registerRoute(app, auth, ExportMinutesRoute, async ({ ctx, params, reply }) => {
    const meeting = await getMeeting(deps, ctx, params.id);
    const buffer = await minutesDocx(meeting, await regionName(deps, ctx));
    return reply
      .header('content-type', DOCX)
      .header('content-disposition', attachment(`${meeting.title}会议纪要.docx`, 'minutes.docx'))
      .send(buffer);
  });
  registerRoute(app, auth, ExportDecisionLedgerRoute, async ({ ctx, reply }) => {
    const decisions = await listDecisions(deps, ctx, { view: 'open' });
    const buffer = await decisionLedgerXlsx(
      decisions,
      await regionName(deps, ctx),
      chinaToday(deps.clock.now()),
    );
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment('圆桌议定事项督办台账.xlsx', 'decision-ledger.xlsx'))
      .send(buffer);
  });
};
