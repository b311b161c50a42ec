import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The size limits of docs/ARCHITECTURE.md (files ≤ 500 lines, functions ≤ 80) are checked by
// scripts/size-check.mjs in `npm run check`. A check that never fires proves nothing, so this file
// plants an over-long function, an over-long React component and an over-long file in a temporary
// copy of the sources and expects the check to fail naming each of them.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, 'scripts/size-check.mjs');
const roots = ['apps', 'packages', 'bench', 'scripts', 'e2e'];

type Run = { code: number; out: string };

const run = (dir: string) =>
  new Promise<Run>((done) => {
    execFile('node', [script, '--root', dir], { maxBuffer: 16 << 20 }, (error, stdout) => {
      done({ code: error ? Number(error.code ?? 1) : 0, out: stdout });
    });
  });

const lines = (n: number, text: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => text(i)).join('\n');

const plants: Record<string, string> = {
  // 81 lines from `export function` to its closing brace.
  'apps/server/src/modules/planted/operations/long-operation.ts': `export function plantedOperation(n: number): number {\n  let total = n;\n${lines(77, (i) => `  total += ${i};`)}\n  return total;\n}\n`,
  'apps/web/src/modules/planted/planted-page.tsx': `export const PlantedPage = () => {\n  const rows: number[] = [];\n${lines(77, (i) => `  rows.push(${i});`)}\n  return <div>{rows.length}</div>;\n};\n`,
  // 80 lines exactly: at the limit, not over it.
  'apps/server/src/modules/planted/operations/short-operation.ts': `export function plantedAtLimit(n: number): number {\n  let total = n;\n${lines(76, (i) => `  total += ${i};`)}\n  return total;\n}\n`,
  // 501 lines of small functions: the file is over, no function is.
  'packages/matching/src/planted-long-file.ts': `${lines(501, (i) => `export const f${i} = () => ${i};`)}\n`,
};

let copy = '';
let onTree: Run;
let planted: Run;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'gaodi-size-'));
  for (const dir of roots) {
    cpSync(join(root, dir), join(copy, dir), {
      recursive: true,
      filter: (src) => basename(src) !== 'node_modules' && basename(src) !== 'dist',
    });
  }
  onTree = await run(copy);
  for (const [file, code] of Object.entries(plants)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    writeFileSync(join(copy, file), code);
  }
  planted = await run(copy);
}, 120_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('size check (npm run check → scripts/size-check.mjs)', () => {
  it('fails when a function over 80 lines is planted', () => {
    expect(planted.code).toBe(1);
    expect(planted.out).toContain(
      'function over 80 lines: apps/server/src/modules/planted/operations/long-operation.ts:1 plantedOperation (81)',
    );
  });

  it('counts a React component as a function', () => {
    expect(planted.out).toContain(
      'function over 80 lines: apps/web/src/modules/planted/planted-page.tsx:1 PlantedPage (81)',
    );
  });

  it('lets a function of exactly 80 lines pass', () => {
    expect(planted.out).not.toContain('plantedAtLimit');
  });

  it('fails when a file over 500 lines is planted', () => {
    expect(planted.out).toContain('file over 500 lines: packages/matching/src/planted-long-file.ts (501)');
  });

  it('passes on the tree as it is: every function over 80 lines there is allow-listed', () => {
    expect(onTree.out).not.toContain('function over 80 lines');
    expect(onTree.code).toBe(0);
  });

  it('reports nothing planted on the tree as it is', () => {
    expect(onTree.out).not.toContain('planted');
  });
});
