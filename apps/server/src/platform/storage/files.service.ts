import type { Attachment } from '@gaodi/contracts';
import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { UserContext } from '../auth/context.ts';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, notFound } from '../http/errors.ts';
import { storedFiles } from './storage.table.ts';
import { detectFileType, type FileStorage, MAX_FILE_BYTES, newStorageKey, sha256 } from './storage.ts';

export type FilesService = ReturnType<typeof createFilesService>;

const toAttachment = (r: typeof storedFiles.$inferSelect): Attachment => ({
  id: r.id,
  name: r.name,
  mime: r.mime,
  size: r.size,
});

/** Uploads checked by content and size, metadata under row-level security, bytes in the storage. */
export function createFilesService({
  db,
  clock,
  storage,
}: {
  db: Database;
  clock: Clock;
  storage: FileStorage;
}) {
  async function upload(ctx: UserContext, name: string, bytes: Buffer): Promise<Attachment> {
    if (bytes.length === 0) throw new AppError(400, 'BAD_FILE', '文件为空');
    if (bytes.length > MAX_FILE_BYTES) throw new AppError(413, 'TOO_LARGE', '文件超过 20 MB');
    const type = detectFileType(bytes);
    if (!type) throw new AppError(415, 'MEDIA_TYPE', '只接受 PDF、PNG、JPEG 图片和 Office 文档');
    const key = newStorageKey();
    await storage.put(key, bytes);
    // No path separators or control characters in a name that ends up in a download header.
    const safeName =
      [...name]
        .map((c) => (c < ' ' || c === '/' || c === '\\' ? '_' : c))
        .join('')
        .slice(0, 200) || `file.${type.ext}`;
    return db.transaction(ctx.scope, async (tx) => {
      const [row] = await tx
        .insert(storedFiles)
        .values({
          regionCode: ctx.user.activeRegionCode,
          name: safeName,
          mime: type.mime,
          size: bytes.length,
          sha256: sha256(bytes),
          storageKey: key,
          createdBy: ctx.user.id,
          createdAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await recordAudit(tx, {
        regionCode: ctx.user.activeRegionCode,
        at: clock.now(),
        actorId: ctx.user.id,
        actorName: ctx.user.username,
        action: 'upload',
        targetType: 'file',
        targetId: row.id,
        result: 'ok',
        clientAddress: ctx.clientAddress,
        detail: { name: safeName, size: bytes.length, mime: type.mime },
      });
      return toAttachment(row);
    });
  }

  async function download(ctx: UserContext, id: string) {
    const row = await db.transaction(
      ctx.scope,
      async (tx) => (await tx.select().from(storedFiles).where(eq(storedFiles.id, id)))[0],
    );
    if (!row) throw notFound(ctx.lang);
    return { file: toAttachment(row), bytes: await storage.get(row.storageKey) };
  }

  /** Attachments visible in the caller's transaction, by id (unknown or invisible ids are left out). */
  async function findAttachments(tx: Tx, ids: readonly string[]): Promise<Map<string, Attachment>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .select()
      .from(storedFiles)
      .where(inArray(storedFiles.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, toAttachment(r)]));
  }

  return { upload, download, findAttachments };
}
