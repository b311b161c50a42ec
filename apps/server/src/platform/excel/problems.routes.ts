import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn, userCtx } from '../auth/auth.plugin.ts';
import { AppError } from '../http/errors.ts';
import { langOf } from '../i18n/lang.ts';
import { writeProblemList } from './problem-list.report.ts';
import { keptProblems } from './problem-list.ts';
import type { UploadStore } from './upload-store.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The full problem list of an import preview (the preview itself shows the first 200). */
export const importProblemsRoutes: FastifyPluginAsyncZod<{ uploads: UploadStore }> = async (
  app,
  { uploads },
) => {
  app.get(
    '/api/imports/problems/:file',
    {
      schema: {
        tags: ['imports'],
        summary: '下载导入预览的完整问题清单（.xlsx）',
        params: z.object({ file: z.string().regex(/^[\w-]{10,60}\.xlsx$/) }),
      },
      preHandler: signedIn,
    },
    async (request, reply) => {
      const ctx = userCtx(request);
      const problems = keptProblems(uploads, ctx.user.id, request.params.file.replace(/\.xlsx$/, ''));
      if (!problems) throw new AppError(404, 'NOT_FOUND', '问题清单已失效，请重新上传文件');
      const buffer = await writeProblemList(problems, langOf(request));
      const name = encodeURIComponent('导入问题清单.xlsx');
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="import-problems.xlsx"; filename*=UTF-8''${name}`,
        )
        .send(buffer);
    },
  );
};
