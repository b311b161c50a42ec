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
import type { RecruitmentService } from './recruitment.service.ts';

/** Recruitment records: list, board, my work, detail, create, edit, stage moves. */
export function recruitmentRecordRoutes(
  app: FastifyInstance,
  auth: AuthService,
  recruitment: RecruitmentService,
) {
  registerRoute(app, auth, ListRecruitmentRecordsRoute, ({ ctx, query }) =>
    recruitment.listRecords(ctx, query),
  );
  registerRoute(app, auth, GetRecruitmentBoardRoute, ({ ctx, query }) => recruitment.board(ctx, query));
  registerRoute(app, auth, GetMyRecruitmentWorkRoute, ({ ctx }) => recruitment.myWork(ctx));
  registerRoute(app, auth, ListRecruitmentAssignableRoute, ({ ctx }) => recruitment.assignable(ctx));
  registerRoute(app, auth, GetRecruitmentRecordRoute, ({ ctx, params }) =>
    recruitment.getRecord(ctx, params.id),
  );
  registerRoute(app, auth, CreateRecruitmentRecordRoute, ({ ctx, body }) =>
    recruitment.createRecord(ctx, body),
  );
  registerRoute(app, auth, UpdateRecruitmentRecordRoute, ({ ctx, params, body }) =>
    recruitment.updateRecord(ctx, params.id, body),
  );
  registerRoute(app, auth, PatchRecruitmentRecordRoute, ({ ctx, params, body }) =>
    recruitment.patchRecord(ctx, params.id, body),
  );
  registerRoute(app, auth, MoveRecruitmentStageRoute, ({ ctx, params, body }) =>
    recruitment.moveStage(ctx, params.id, body),
  );
}
