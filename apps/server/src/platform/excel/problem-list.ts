import { ImportProblemsRoute, pathOf } from '@gaodi/contracts';
import { IMPORT_LIMITS } from './import-limits.ts';
import type { UploadStore } from './upload-store.ts';

/** A problem of an import: a sheet row (with its column) or a line of a text file. */
export type ListedProblem = { row?: number; line?: number; column?: string; message: string };

const KIND = 'import-problems';

/**
 * What a preview returns of its problems: the first 200, how many in all and, when there are more,
 * where the full list is downloaded as .xlsx (kept for the uploader, 30 minutes).
 */
export function capProblems<P extends ListedProblem>(uploads: UploadStore, userId: string, problems: P[]) {
  const shown = IMPORT_LIMITS.problemsShown;
  if (problems.length <= shown) return { problems, problemCount: problems.length, problemsFile: null };
  const token = uploads.put(userId, KIND, problems);
  return {
    problems: problems.slice(0, shown),
    problemCount: problems.length,
    problemsFile: pathOf(ImportProblemsRoute.path, { file: `${token}.xlsx` }),
  };
}

/** The full list kept by capProblems, or null when expired or another user's. */
export function keptProblems(uploads: UploadStore, userId: string, token: string): ListedProblem[] | null {
  return uploads.peek<ListedProblem[]>(userId, KIND, token);
}
