import {
  CreateRecruitmentRecordRoute,
  GetMyRecruitmentWorkRoute,
  GetRecruitmentBoardRoute,
  GetRecruitmentRecordRoute,
  ListRecruitmentAssignableRoute,
  ListRecruitmentRecordsRoute,
  MoveRecruitmentStageRoute,
  PatchRecruitmentRecordRoute,
  UpdateRecruitmentRecordRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { createRecord } from './operations/create-record.ts';
import { listAssignable } from './operations/list-assignable.ts';
import { listRecords } from './operations/list-records.ts';
import { moveRecordStage } from './operations/move-record-stage.ts';
import { patchRecord } from './operations/patch-record.ts';
import { readBoard } from './operations/read-board.ts';
import { readMyWork } from './operations/read-my-work.ts';
import { readRecord } from './operations/read-record.ts';
import { updateRecord } from './operations/update-record.ts';
import type { RecruitmentDeps } from './recruitment.deps.ts';

/** Recruitment records: list, board, my work, detail, create, edit, stage moves. */
export function recruitmentRecordRoutes(app: FastifyInstance, auth: AuthService, deps: RecruitmentDeps) {
  registerRoute(app, auth, ListRecruitmentRecordsRoute, ({ ctx, query }) => listRecords(deps, ctx, query));
  registerRoute(app, auth, GetRecruitmentBoardRoute, ({ ctx, query }) => readBoard(deps, ctx, query));
  registerRoute(app, auth, GetMyRecruitmentWorkRoute, ({ ctx }) => readMyWork(deps, ctx));
  registerRoute(app, auth, ListRecruitmentAssignableRoute, ({ ctx }) => listAssignable(deps, ctx));
  registerRoute(app, auth, GetRecruitmentRecordRoute, ({ ctx, params }) => readRecord(deps, ctx, params.id));
  registerRoute(app, auth, CreateRecruitmentRecordRoute, ({ ctx, body }) => createRecord(deps, ctx, body));
  registerRoute(app, auth, UpdateRecruitmentRecordRoute, ({ ctx, params, body }) =>
    updateRecord(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, PatchRecruitmentRecordRoute, ({ ctx, params, body }) =>
    patchRecord(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, MoveRecruitmentStageRoute, ({ ctx, params, body }) =>
    moveRecordStage(deps, ctx, params.id, body),
  );
}
