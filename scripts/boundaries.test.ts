import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The module boundaries of docs/ARCHITECTURE.md are dependency-cruiser rules (.dependency-cruiser.cjs).
// A rule that never fires proves nothing, so this file plants each forbidden import in a temporary
// copy of the sources, runs the depcruise command of `npm run check` there, and expects every plant to
// be reported under its rule; the same command on the real tree must pass.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaces = ['packages/contracts', 'packages/matching', 'apps/server', 'apps/web'];

type Plant = { rule: string; file: string; code: string };

const imports = (what: string) => `import * as planted from '${what}';\nexport const used = planted;\n`;

/** Files the plants import, so that no plant depends on how a module is laid out today. */
const targets: Record<string, string> = {
  'apps/server/src/modules/planted/index.ts': "export * from './planted-internal.ts';\n",
  'apps/server/src/modules/planted/planted-internal.ts': 'export const internal = 1;\n',
  'apps/server/src/platform/planted-target.ts': 'export const target = 1;\n',
  'apps/server/src/platform/planted-cycle-b.ts': imports('./planted-cycle-a.ts'),
  'apps/server/src/demo/planted-demo.ts': 'export const demo = 1;\n',
  'apps/server/src/test/planted-helper.ts': 'export const helper = 1;\n',
  'packages/matching/src/planted-internal.ts': 'export const internal = 1;\n',
  'apps/web/src/modules/planted/planted-hook.ts': 'export const useHook = () => 1;\n',
  'apps/web/src/modules/planted/planted-page.tsx': 'export const PlantedPage = () => null;\n',
  // Two modules that lean on each other through their index files: no file cycle, a module cycle.
  'apps/server/src/modules/planted-ping/index.ts': 'export const ping = 1;\n',
  'apps/server/src/modules/planted-ping/use-pong.ts': imports('../planted-pong/index.ts'),
  'apps/server/src/modules/planted-pong/index.ts': 'export const pong = 1;\n',
  'apps/server/src/modules/planted-pong/use-ping.ts': imports('../planted-ping/index.ts'),
};

/** One forbidden import per file: the report's `from` tells which plant it is. */
const plants: Plant[] = [
  // Server modules and platform.
  {
    rule: 'modules-through-index-only',
    file: 'apps/server/src/modules/planted-other/reach-in.ts',
    code: imports('../planted/planted-internal.ts'),
  },
  {
    rule: 'no-cycles',
    file: 'apps/server/src/platform/planted-cycle-a.ts',
    code: imports('./planted-cycle-b.ts'),
  },
  {
    rule: 'platform-never-imports-modules',
    file: 'apps/server/src/platform/planted-modules.ts',
    code: imports('../modules/planted/index.ts'),
  },
  {
    rule: 'no-composition-root-below-it',
    file: 'apps/server/src/platform/planted-demo-user.ts',
    code: imports('../demo/planted-demo.ts'),
  },
  {
    rule: 'no-composition-root-below-it',
    file: 'apps/server/src/platform/planted-app-user.ts',
    code: imports('../app.ts'),
  },
  {
    rule: 'no-composition-root-below-it',
    file: 'apps/server/src/modules/planted/planted-demo-user.ts',
    code: imports('../../demo/planted-demo.ts'),
  },
  {
    rule: 'no-composition-root-below-it',
    file: 'apps/server/src/modules/planted/planted-main-user.ts',
    code: imports('../../main.ts'),
  },
  {
    rule: 'no-composition-root-below-it',
    file: 'apps/server/src/modules/planted/planted-harness-user.ts',
    code: imports('../../test/planted-helper.ts'),
  },
  {
    rule: 'packages-through-their-entry',
    file: 'apps/server/src/platform/planted-engine-internal.ts',
    code: imports('../../../../packages/matching/src/planted-internal.ts'),
  },
  // The matching engine.
  {
    rule: 'matching-imports-no-apps-nor-contracts',
    file: 'packages/matching/src/planted-contracts.ts',
    code: imports('@gaodi/contracts'),
  },
  {
    rule: 'matching-imports-no-apps-nor-contracts',
    file: 'packages/matching/src/planted-apps.ts',
    code: imports('../../../apps/server/src/platform/planted-target.ts'),
  },
  { rule: 'matching-is-pure', file: 'packages/matching/src/planted-node-fs.ts', code: imports('node:fs') },
  { rule: 'matching-is-pure', file: 'packages/matching/src/planted-fs.ts', code: imports('fs') },
  {
    rule: 'matching-is-pure',
    file: 'packages/matching/src/planted-child-process.ts',
    code: imports('node:child_process'),
  },
  { rule: 'matching-is-pure', file: 'packages/matching/src/planted-http.ts', code: imports('http') },
  { rule: 'matching-is-pure', file: 'packages/matching/src/planted-pg.ts', code: imports('pg') },
  {
    rule: 'matching-is-pure',
    file: 'packages/matching/src/planted-pglite.ts',
    code: imports('@electric-sql/pglite'),
  },
  {
    rule: 'matching-cli-no-network-nor-database',
    file: 'packages/matching/src/cli/planted-pg.ts',
    code: imports('pg'),
  },
  // Contracts.
  {
    rule: 'contracts-depend-on-zod-only',
    file: 'packages/contracts/src/planted-drizzle.ts',
    code: imports('drizzle-orm'),
  },
  {
    rule: 'contracts-depend-on-zod-only',
    file: 'packages/contracts/src/planted-fs.ts',
    code: imports('node:fs'),
  },
  {
    rule: 'contracts-never-import-apps',
    file: 'packages/contracts/src/planted-apps.ts',
    code: imports('../../../apps/server/src/platform/planted-target.ts'),
  },
  // The web.
  {
    rule: 'web-never-imports-server',
    file: 'apps/web/src/modules/planted/planted-server.ts',
    code: imports('../../../../server/src/platform/planted-target.ts'),
  },
  {
    rule: 'web-imports-contracts-of-the-packages',
    file: 'apps/web/src/modules/planted/planted-matching.ts',
    code: imports('@gaodi/matching'),
  },
  {
    rule: 'web-never-imports-node-builtins',
    file: 'apps/web/src/ui/planted-node.ts',
    code: imports('node:path'),
  },
  {
    rule: 'web-ui-never-imports-modules',
    file: 'apps/web/src/ui/planted-module.ts',
    code: imports('../modules/planted/planted-hook.ts'),
  },
  {
    rule: 'web-modules-never-import-the-shell',
    file: 'apps/web/src/modules/planted/planted-shell.ts',
    code: imports('../../app.tsx'),
  },
  {
    rule: 'web-pages-only-through-routes',
    file: 'apps/web/src/modules/planted-other/planted-page-user.ts',
    code: imports('../planted/planted-page.tsx'),
  },
  // Dependencies.
  {
    rule: 'no-undeclared-dependencies',
    file: 'apps/web/src/ui/planted-undeclared.ts',
    code: imports('drizzle-orm'),
  },
  {
    rule: 'no-unresolvable-imports',
    file: 'apps/server/src/platform/planted-missing.ts',
    code: imports('./planted-nowhere.ts'),
  },
  {
    rule: 'production-code-not-on-dev-dependencies',
    file: 'apps/server/src/platform/planted-dev-dependency.ts',
    code: imports('fast-check'),
  },
];

type Dependency = { module: string; resolved: string; dependencyTypes: string[]; coreModule: boolean };
type Report = {
  modules: { source: string; dependencies: Dependency[] }[];
  summary: {
    error: number;
    violations: { from: string; to: string; rule: { name: string; severity: string } }[];
  };
};

/** The depcruise arguments of `npm run check`, so that this test proves what the check does. */
function checkArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { check: string } };
  const command = /depcruise ([^&]+)/.exec(pkg.scripts.check)?.[1];
  if (!command) throw new Error('npm run check does not run depcruise');
  return command.trim().split(/\s+/);
}

function depcruise(cwd: string): Promise<Report> {
  const bin = join(root, 'node_modules/.bin/depcruise');
  return new Promise((done, fail) => {
    execFile(
      bin,
      [...checkArgs(), '--output-type', 'json'],
      { cwd, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        try {
          done(JSON.parse(stdout) as Report);
        } catch {
          fail(new Error(`depcruise printed no report (${error?.message}): ${stderr}`));
        }
      },
    );
  });
}

/** Sources, manifests and configuration; node_modules as links, the workspace packages to the copy. */
function copyTree(to: string): void {
  const skip = new Set(['node_modules', 'dist', 'migrations', 'public']);
  for (const ws of workspaces) {
    cpSync(join(root, ws), join(to, ws), {
      recursive: true,
      filter: (from) => !skip.has(from.slice(from.lastIndexOf('/') + 1)),
    });
  }
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.base.json', '.dependency-cruiser.cjs']) {
    cpSync(join(root, file), join(to, file));
  }
  mkdirSync(join(to, 'node_modules/@gaodi'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '@gaodi' || entry === '.bin') continue;
    symlinkSync(join(root, 'node_modules', entry), join(to, 'node_modules', entry));
  }
  for (const ws of workspaces) {
    symlinkSync(join(to, ws), join(to, 'node_modules/@gaodi', ws.slice(ws.indexOf('/') + 1)));
    const own = join(root, ws, 'node_modules');
    try {
      symlinkSync(own, join(to, ws, 'node_modules'));
    } catch {}
  }
}

function plant(to: string): void {
  const files = { ...targets, ...Object.fromEntries(plants.map((p) => [p.file, p.code])) };
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    writeFileSync(join(to, file), code);
  }
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const serverModules = 'apps/server/src/modules/';

/**
 * Server modules that reach themselves through other modules (a module-level cycle, which file-level
 * cycle detection misses when the index files do not re-export the importing files).
 */
function moduleCycles(report: Report): string[] {
  const moduleOf = (file: string) =>
    file.startsWith(serverModules) ? file.slice(serverModules.length).split('/')[0] : undefined;
  const edges = new Map<string, Set<string>>();
  for (const m of report.modules) {
    const from = moduleOf(m.source);
    if (!from || /\.test\.ts$|\.fixtures\.ts$/.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const reaches = (from: string, target: string, seen = new Set<string>()): boolean => {
    for (const next of edges.get(from) ?? []) {
      if (next === target) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      if (reaches(next, target, seen)) return true;
    }
    return false;
  };
  return [...edges.keys()].filter((m) => reaches(m, m)).sort();
}

let copy = '';
let onMain: Report;
let planted: Report;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'gaodi-boundaries-'));
  copyTree(copy);
  plant(copy);
  [onMain, planted] = await Promise.all([depcruise(root), depcruise(copy)]);
}, 120_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('module boundaries (npm run check → dependency-cruiser)', () => {
  it('pass on the tree as it is', () => {
    expect(onMain.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    expect(onMain.summary.error).toBe(0);
  });

  // The check's exit code is the number of error-severity violations (dependency-cruiser's `err`
  // reporter); the JSON reporter used here exits 0 and reports the same count.
  it('fail the check when a forbidden import is planted', () => {
    expect(planted.summary.error).toBeGreaterThanOrEqual(plants.length);
  });

  it.each(plants)('$rule catches $file', ({ rule, file }) => {
    const reported = planted.summary.violations
      .filter(
        (v) => v.rule.severity === 'error' && (v.from === file || (rule === 'no-cycles' && v.to === file)),
      )
      .map((v) => v.rule.name);
    expect(reported).toContain(rule);
  });

  it('server modules depend on each other without cycles, and a planted module cycle is caught', () => {
    expect(moduleCycles(onMain)).toEqual([]);
    expect(moduleCycles(planted)).toEqual(['planted-ping', 'planted-pong']);
  });

  it('has a plant for every rule', () => {
    const config = readFileSync(join(root, '.dependency-cruiser.cjs'), 'utf8');
    const rules = [...config.matchAll(/name: '([a-z-]+)'/g)].map((m) => m[1]);
    expect(rules.filter((r) => !plants.some((p) => p.rule === r))).toEqual([]);
  });
});

describe('workspace manifests', () => {
  const manifest = (ws: string) =>
    JSON.parse(readFileSync(join(root, ws, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
  const importedBy = (ws: string) =>
    new Set(
      onMain.modules
        .filter((m) => m.source.startsWith(`${ws}/`))
        .flatMap((m) => m.dependencies)
        .filter((d) => !d.coreModule && !d.module.startsWith('.'))
        .map((d) => packageOf(d.module)),
    );

  it.each(workspaces)('%s declares the workspace packages it imports', (ws) => {
    const declared = Object.keys(manifest(ws).dependencies ?? {});
    const missing = [...importedBy(ws)].filter((p) => p.startsWith('@gaodi/') && !declared.includes(p));
    expect(missing).toEqual([]);
  });

  it.each(workspaces)('%s declares nothing it does not import', (ws) => {
    const { dependencies = {}, devDependencies = {} } = manifest(ws);
    const used = importedBy(ws);
    // @types/x is used when x is: it types the package beside it.
    const isUsed = (p: string) => used.has(p) || (p.startsWith('@types/') && used.has(p.slice(7)));
    expect(Object.keys({ ...dependencies, ...devDependencies }).filter((p) => !isUsed(p))).toEqual([]);
  });
});
