import {
  ConfirmAchievementImportRoute,
  CreateAchievementRoute,
  DeleteAchievementRoute,
  GetAchievementRoute,
  ImportAchievementsJsonlRoute,
  ListAchievementsRoute,
  PreviewAchievementImportRoute,
  UpdateAchievementRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readUpload } from '../../platform/http/upload.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { createAchievement } from './operations/create-achievement.ts';
import { deleteAchievement } from './operations/delete-achievement.ts';
import { getAchievement } from './operations/get-achievement.ts';
import { createAchievementImport } from './operations/import-achievements.ts';
import { JSONL_MAX_BYTES } from './operations/import-achievements-jsonl.ts';
import { listAchievements } from './operations/list-achievements.ts';
import { updateAchievement } from './operations/update-achievement.ts';

/** 科技成果: achievements, their .xlsx import (preview → confirm) and the corpus (JSONL) import. */
export function achievementsRoutes(app: FastifyInstance, auth: AuthService, deps: MatchmakingDeps) {
  const imports = createAchievementImport(deps);
  registerRoute(app, auth, ListAchievementsRoute, ({ ctx, query }) => listAchievements(deps, ctx, query));
  registerRoute(app, auth, CreateAchievementRoute, ({ ctx, body }) => createAchievement(deps, ctx, body));
  registerRoute(app, auth, PreviewAchievementImportRoute, async ({ ctx, request }) =>
    imports.preview(ctx, (await readUpload(request)).bytes),
  );
  registerRoute(app, auth, ConfirmAchievementImportRoute, ({ ctx, body }) =>
    imports.confirm(ctx, body.token),
  );
  registerRoute(app, auth, ImportAchievementsJsonlRoute, async ({ ctx, request }) => {
    // The corpus import is a demonstration tool for the office's staff: the guard
    // (achievement_corpus:import) refuses everyone else before a byte of the upload is read.
    const { bytes } = await readUpload(request, JSONL_MAX_BYTES);
    return imports.importJsonl(ctx, bytes);
  });
  registerRoute(app, auth, GetAchievementRoute, ({ ctx, params }) => getAchievement(deps, ctx, params.id));
  registerRoute(app, auth, UpdateAchievementRoute, ({ ctx, params, body }) =>
    updateAchievement(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, DeleteAchievementRoute, ({ ctx, params }) =>
    deleteAchievement(deps, ctx, params.id),
  );
}
