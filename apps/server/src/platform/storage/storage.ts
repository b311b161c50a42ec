import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where file bytes live. Disk by default; an object store later implements the same two calls. */
export type FileStorage = {
  put: (key: string, bytes: Buffer) => Promise<void>;
  get: (key: string) => Promise<Buffer>;
};

/** Files under `root`, sharded by the key's first two characters. */
export function createDiskStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(root, key.slice(0, 2), key);
  };
  return {
    put: async (key, bytes) => {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      try {
        await writeFile(p, bytes, { flag: 'wx' });
      } catch (error) {
        // A disk that fills mid-write leaves a truncated file: removed, so space returns and no
        // half file is ever served (the row naming it is written only after put succeeds).
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(p, { force: true });
        throw error;
      }
    },
    get: (key) => readFile(pathOf(key)),
  };
}

/** In memory, for tests and benchmarks. */
export function createMemoryStorage(): FileStorage {
  const files = new Map<string, Buffer>();
  return {
    put: async (key, bytes) => {
      files.set(key, Buffer.from(bytes));
    },
    get: async (key) => {
      const b = files.get(key);
      if (!b) throw new Error(`no file ${key}`);
      return b;
    },
  };
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type DetectedType = { mime: string; ext: string };

/**
 * The file's type from its first bytes, never from its name or the client's content type. Only
 * what ledgers need: PDF, PNG, JPEG, Office (OOXML zip, legacy OLE). Anything else → null.
 */
export function detectFileType(buf: Buffer): DetectedType | null {
  const starts = (bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', ext: 'pdf' };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { mime: 'application/x-ole-storage', ext: 'doc' };
  if (starts([0x50, 0x4b, 0x03, 0x04])) {
    // OOXML names its parts in the zip's (uncompressed) directory; a plain zip has no [Content_Types].xml.
    const names = buf.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/'))
      return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
    if (names.includes('xl/'))
      return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
    if (names.includes('ppt/'))
      return {
        mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        ext: 'pptx',
      };
    return null;
  }
  return null;
}

export function newStorageKey(): string {
  return randomUUID();
}

export function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}
