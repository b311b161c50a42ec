import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import type { FilesService } from '../../platform/storage/files.service.ts';
import type { DirectoryService } from '../directory/index.ts';
import type { StageMover } from '../pipelines/index.ts';
import type { SupervisionService } from '../supervision/index.ts';

/**
 * What recruitment's operations may use, built once in app.ts (the composition root). Each
 * operation takes the `Pick` of it that it really uses.
 */
export type RecruitmentDeps = {
  db: Database;
  clock: Clock;
  supervision: SupervisionService;
  files: FilesService;
  directory: DirectoryService;
  uploads: UploadStore;
  stageMover: StageMover;
};
