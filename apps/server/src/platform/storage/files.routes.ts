import { Attachment, IdParams } from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, userCtx } from '../auth/auth.plugin.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { readUpload } from '../http/upload.ts';
import type { FilesService } from './files.service.ts';

export const filesRoutes: FastifyPluginAsyncZod<{ auth: AuthService; files: FilesService }> = async (
  app,
  { auth, files },
) => {
  const tags = ['files'];
  app.post(
    '/api/files',
    {
      schema: {
        tags,
        summary: '上传附件（PDF、图片、Office 文档，≤ 20 MB，按内容识别类型）',
        consumes: ['multipart/form-data'],
        response: { 200: Attachment },
      },
      preHandler: guard(auth, 'file', 'create'),
    },
    async (request) => {
      const { filename, bytes } = await readUpload(request);
      return files.upload(userCtx(request), filename, bytes);
    },
  );
  app.get(
    '/api/files/:id',
    { schema: { tags, summary: '下载附件', params: IdParams }, preHandler: guard(auth, 'file', 'read') },
    async (request, reply) => {
      const { file, bytes } = await files.download(userCtx(request), request.params.id);
      return reply
        .header('content-type', file.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(bytes);
    },
  );
};
