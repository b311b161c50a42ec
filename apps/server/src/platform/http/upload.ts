import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

/** The one file of a multipart upload, read whole; clear 4xx errors for every way it can be wrong. */
export async function readUpload(
  request: FastifyRequest,
  limit = DEFAULT_UPLOAD_LIMIT,
): Promise<{ filename: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError(415, 'MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  const file = await request.file({ limits: { fileSize: limit } });
  if (!file) throw new AppError(400, 'BAD_FILE', '未收到文件');
  const bytes = await file.toBuffer().catch(() => {
    throw new AppError(413, 'TOO_LARGE', `文件超过 ${Math.round(limit / 1024 / 1024)} MB`);
  });
  return { filename: file.filename, bytes };
}
