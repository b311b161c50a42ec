/**
 * Module boundaries of docs/ARCHITECTURE.md, checked by `npm run check`. Every rule is proven to fail
 * on a planted forbidden import by scripts/boundaries.test.ts; a new rule gets a plant there too.
 *
 * Paths are resolved, repository-relative file paths (`@gaodi/contracts` → packages/contracts/src/
 * index.ts, `pg` → node_modules/pg/…). Node built-ins are reported without their `node:` prefix
 * (`node:fs` → `fs`), with dependency type `core`; an import that does not resolve keeps its bare name.
 */
const SERVER = '^apps/server/src/';
const TESTS = ['\\.test\\.tsx?$', '\\.fixtures\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'modules-through-index-only',
      comment: 'A server module imports another module only through its index.ts.',
      severity: 'error',
      from: { path: `${SERVER}modules/([^/]+)/` },
      to: {
        path: `${SERVER}modules/([^/]+)/`,
        pathNot: [`${SERVER}modules/$1/`, `${SERVER}modules/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'platform-never-imports-modules',
      severity: 'error',
      from: { path: `${SERVER}platform/` },
      to: { path: `${SERVER}modules/` },
    },
    {
      name: 'no-composition-root-below-it',
      comment:
        'platform/ and modules/ never import the composition root (app.ts, main.ts), the demo data or ' +
        'the test harness; their tests may.',
      severity: 'error',
      from: { path: `${SERVER}(platform|modules)/`, pathNot: TESTS },
      to: { path: `${SERVER}(demo/|test/|app\\.ts$|main\\.ts$)` },
    },
    {
      name: 'packages-through-their-entry',
      comment: 'A workspace imports a package by its name (its src/index.ts), never a file inside it.',
      severity: 'error',
      from: { path: '^(?:apps|packages)/([^/]+)/' },
      to: { path: '^packages/[^/]+/', pathNot: ['^packages/$1/', '^packages/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'matching-imports-no-apps-nor-contracts',
      comment: 'The matching engine knows nothing of the application: no apps, no API contracts.',
      severity: 'error',
      from: { path: '^packages/matching/' },
      to: { path: ['^apps/', '^packages/contracts/', '^@gaodi/(server|web|contracts)$'] },
    },
    {
      name: 'matching-is-pure',
      comment:
        'The engine (not its batch CLI, not its tests) imports its own files and @node-rs/jieba only: no ' +
        'file system, processes, network or database (fs, child_process, http, pg, @electric-sql/…).',
      severity: 'error',
      from: { path: '^packages/matching/src/', pathNot: ['^packages/matching/src/cli/', ...TESTS] },
      to: {
        pathNot: [
          '^packages/matching/src/',
          '(^|/)node_modules/@node-rs/jieba/',
          '^apps/',
          '^packages/contracts/',
        ],
      },
    },
    {
      name: 'matching-cli-no-network-nor-database',
      comment: 'The batch CLI reads files; it opens no connection.',
      severity: 'error',
      from: { path: '^packages/matching/src/cli/' },
      to: {
        path: [
          '^(http|https|http2|net|dgram|tls|child_process)(/|$)',
          '(^|/)node_modules/(pg|drizzle-orm|@electric-sql)/',
          '^(pg|drizzle-orm|@electric-sql/.*)$',
        ],
      },
    },
    {
      name: 'contracts-depend-on-zod-only',
      comment: 'Contracts are shared with the browser: their own files and zod, nothing else.',
      severity: 'error',
      from: { path: '^packages/contracts/src/', pathNot: TESTS },
      to: { pathNot: ['^packages/contracts/src/', '(^|/)node_modules/zod/', '^apps/'] },
    },
    {
      name: 'contracts-never-import-apps',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: ['^apps/', '^@gaodi/(server|web)$'] },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: ['^apps/server/', '^@gaodi/server$'] },
    },
    {
      name: 'web-imports-contracts-of-the-packages',
      comment: 'Of the workspace packages the web imports @gaodi/contracts only (not the matching engine).',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: ['^packages/', '^@gaodi/matching$'], pathNot: '^packages/contracts/' },
    },
    {
      name: 'web-never-imports-node-builtins',
      comment: 'The browser has no Node built-ins (vite.config.ts runs in Node and may).',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-ui-never-imports-modules',
      comment: 'ui/ holds primitives the modules build on; it knows no module and not the app shell.',
      severity: 'error',
      from: { path: '^apps/web/src/ui/' },
      to: { path: '^apps/web/src/(modules/|app\\.tsx$|main\\.tsx$)' },
    },
    {
      name: 'web-modules-never-import-the-shell',
      severity: 'error',
      from: { path: '^apps/web/src/modules/' },
      to: { path: '^apps/web/src/(app|main)\\.tsx$' },
    },
    {
      name: 'web-pages-only-through-routes',
      comment:
        "A web module's pages (*-page.tsx) are reached through routes (its *-routes.tsx, app.tsx); another " +
        'module imports its hooks, labels, tags and dialogs, never its pages.',
      severity: 'error',
      from: { path: '^apps/web/src/modules/([^/]+)/' },
      to: { path: '^apps/web/src/modules/[^/]+/[^/]+-page\\.tsx$', pathNot: '^apps/web/src/modules/$1/' },
    },
    {
      name: 'no-undeclared-dependencies',
      comment:
        "Every package a file imports is declared in its workspace's package.json (or, for tests and " +
        "tooling, the root's devDependencies).",
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'production-code-not-on-dev-dependencies',
      comment: 'Shipped code uses its workspace dependencies, not the tooling of devDependencies.',
      severity: 'error',
      from: { path: '^(apps|packages)/[^/]+/src/', pathNot: [...TESTS, `${SERVER}test/`] },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['npm', 'type-only', 'triple-slash-type-reference'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The workspaces' package.json `exports` point at TypeScript sources (./src/index.ts).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    // A file's dependencies are those of its workspace plus the root's (test and bench tooling).
    combinedDependencies: true,
    exclude: { path: ['^(apps|packages)/[^/]+/dist/', '^\\.test-output/'] },
  },
};
