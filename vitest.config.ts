import { defineConfig } from 'vitest/config';

// Three projects, one runner. `unit` has no I/O (scripts/*.test.ts read the tree: static checks); `int` touches a real database (PGlite by default,
// PostgreSQL when GAODI_TEST_PG_URL is set by scripts/test.mjs); `e2e` drives Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The same as `int` (both run in one invocation, which needs one worker count).
          maxWorkers: 2,
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['apps/server/src/**/*.int.test.ts'],
          // Vitest's default is one file at a time on two cores (CPUs − 1); a file waits on its
          // database (PostgreSQL's own process, PGlite's fsync) a good part of the time, so two
          // run side by side.
          maxWorkers: 2,
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // One retry, for now. The three flakes had causes, now fixed (e2e/browser.ts): a click on a
          // popup item while it zoomed in went down on the item and up behind it (lost; 退出登录,
          // options), a select's search answer re-rendering under the click, and a 5 s wait taking
          // a slow two-step sign-in for a refusal. Remove once a full run passes without it.
          retry: 1,
          // A page on a busy 2-core machine can take seconds to settle; a browser check waits for
          // what a user would wait for instead of vitest's 1 s default.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
