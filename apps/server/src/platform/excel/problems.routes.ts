import { ImportProblemsRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import { AppError } from '../http/errors.ts';
import { registerRoute } from '../http/route.ts';
import { langOf } from '../i18n/lang.ts';
import { writeProblemList } from './problem-list.report.ts';
import { keptProblems } from './problem-list.ts';
import type { UploadStore } from './upload-store.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The full problem list of an import preview (the preview itself shows the first 200). */
export const importProblemsRoutes: FastifyPluginAsync<{ auth: AuthService; uploads: UploadStore }> = async (
  app,
  { auth, uploads },
) => {
  registerRoute(app, auth, ImportProblemsRoute, async ({ ctx, params, request, reply }) => {
    const problems = keptProblems(uploads, ctx.user.id, params.file.replace(/\.xlsx$/, ''));
    if (!problems) throw new AppError(404, 'NOT_FOUND', '问题清单已失效，请重新上传文件');
    const buffer = await writeProblemList(problems, langOf(request));
    const name = encodeURIComponent('导入问题清单.xlsx');
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="import-problems.xlsx"; filename*=UTF-8''${name}`)
      .send(buffer);
  });
};
