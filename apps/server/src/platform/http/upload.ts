import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

const MALFORMED = '上传的数据不完整或格式错误，请重新选择文件上传';

/** The one file of a multipart upload, read whole; clear 4xx errors for every way it can be wrong. */
export async function readUpload(
  request: FastifyRequest,
  limit = DEFAULT_UPLOAD_LIMIT,
): Promise<{ filename: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError(415, 'MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  if (!/;\s*boundary=/i.test(request.headers['content-type'] ?? ''))
    throw new AppError(400, 'BAD_MULTIPART', 'multipart/form-data 请求缺少 boundary');
  const file = await request.file({ limits: { fileSize: limit } }).catch((error: unknown) => {
    throw malformed(error, limit);
  });
  if (!file) throw new AppError(400, 'BAD_FILE', '未收到文件');
  const bytes = await file.toBuffer().catch((error: unknown) => {
    throw malformed(error, limit);
  });
  return { filename: file.filename, bytes };
}

/** Too large is 413 with the limit; anything else the parser met (cut short, no parts) is a 400. */
function malformed(error: unknown, limit: number): AppError {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT')
    return new AppError(413, 'TOO_LARGE', `文件超过 ${Math.round(limit / 1024 / 1024)} MB`);
  return new AppError(400, 'BAD_MULTIPART', MALFORMED);
}
