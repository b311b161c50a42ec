import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, two levels above bench/match. */
export const repoRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared benchmark data: $GAODI_MATCH_DATA, else ../shared/data/match beside the repository
 * (or beside its parent folder, for a git worktree under /work/wt).
 */
export const dataDir = (): string => {
  const beside = (up: string[]) => join(repoRoot(), ...up, 'shared', 'data', 'match');
  const dir =
    process.env.GAODI_MATCH_DATA ??
    [beside(['..']), beside(['..', '..'])].find((candidate) => existsSync(join(candidate, 'dev'))) ??
    beside(['..']);
  if (!existsSync(join(dir, 'dev', 'corpus.jsonl'))) {
    throw new Error(`benchmark data not found in ${dir} (set GAODI_MATCH_DATA to the folder holding dev/)`);
  }
  return dir;
};

/** Scratch output (gitignored). */
export const outputDir = (): string => join(repoRoot(), '.bench-output', 'match');
