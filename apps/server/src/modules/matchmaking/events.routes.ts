import {
  CreateEventRoute,
  DeleteEventRoute,
  ExportEventReportRoute,
  GetCheckinWindowRoute,
  GetEventRoute,
  GetMatchmakingSummaryRoute,
  ListEventsRoute,
  SaveCheckinWindowRoute,
  SetAttendanceRoute,
  UpdateEventRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { getCheckinWindow, saveCheckinWindow } from './operations/checkin-window.ts';
import { createEvent } from './operations/create-event.ts';
import { deleteEvent } from './operations/delete-event.ts';
import { exportEventReport } from './operations/export-event-report.ts';
import { getEvent } from './operations/get-event.ts';
import { listEvents } from './operations/list-events.ts';
import { setAttendance } from './operations/set-attendance.ts';
import { summarizeYear } from './operations/summarize-year.ts';
import { updateEvent } from './operations/update-event.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 对接活动: events, attendance, the year's figures and the .docx report. */
export function eventsRoutes(app: FastifyInstance, auth: AuthService, deps: MatchmakingDeps) {
  registerRoute(app, auth, ListEventsRoute, ({ ctx, query }) => listEvents(deps, ctx, query));
  registerRoute(app, auth, GetCheckinWindowRoute, ({ ctx }) => getCheckinWindow(deps, ctx));
  registerRoute(app, auth, SaveCheckinWindowRoute, ({ ctx, body }) => saveCheckinWindow(deps, ctx, body));
  registerRoute(app, auth, GetMatchmakingSummaryRoute, ({ ctx, query }) =>
    summarizeYear(deps, ctx, query.year),
  );
  registerRoute(app, auth, CreateEventRoute, ({ ctx, body }) => createEvent(deps, ctx, body));
  registerRoute(app, auth, GetEventRoute, ({ ctx, params }) => getEvent(deps, ctx, params.id));
  registerRoute(app, auth, UpdateEventRoute, ({ ctx, params, body }) =>
    updateEvent(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, DeleteEventRoute, ({ ctx, params }) => deleteEvent(deps, ctx, params.id));
  registerRoute(app, auth, SetAttendanceRoute, ({ ctx, params, body }) =>
    setAttendance(deps, ctx, params.id, params.participantId, body.attended),
  );
  registerRoute(app, auth, ExportEventReportRoute, async ({ ctx, params, reply }) => {
    const { buffer, fileName } = await exportEventReport(deps, ctx, params.id);
    return reply
      .header('content-type', DOCX)
      .header(
        'content-disposition',
        `attachment; filename="event-report.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      )
      .send(buffer);
  });
}
