import { DownloadFileRoute, UploadFileRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import { registerRoute } from '../http/route.ts';
import { readUpload } from '../http/upload.ts';
import type { FilesService } from './files.service.ts';

export const filesRoutes: FastifyPluginAsync<{ auth: AuthService; files: FilesService }> = async (
  app,
  { auth, files },
) => {
  registerRoute(app, auth, UploadFileRoute, async ({ ctx, request }) => {
    const { filename, bytes } = await readUpload(request);
    return files.upload(ctx, filename, bytes);
  });
  registerRoute(app, auth, DownloadFileRoute, async ({ ctx, params, reply }) => {
    const { file, bytes } = await files.download(ctx, params.id);
    return reply
      .header('content-type', file.mime)
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-disposition',
        `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .send(bytes);
  });
};
