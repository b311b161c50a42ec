// Plants row-level security drift in a temporary copy of the migrations and expects the check of
// `npm run db:check` (scripts/policy-check.ts) to name each one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkPolicies } from './policy-check.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaodi-policy-drift-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations with one more hand-written migration at the end. */
function migrationsWith(tag: string, statements: string[]): string {
  const folder = join(dir, tag);
  cpSync('apps/server/src/migrations', folder, { recursive: true });
  writeFileSync(join(folder, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'));
  const journalFile = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries.push({
    idx: journal.entries.length,
    version: '7',
    when: Date.now(),
    tag,
    breakpoints: true,
  });
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

test('a policy changed in a migration and a tenant table without declared policies fail the check', async () => {
  const migrations = migrationsWith('9999_drift', [
    'ALTER POLICY users_never_deleted ON users USING (true);',
    'CREATE TABLE drift_things (id integer PRIMARY KEY, region_code text NOT NULL);',
  ]);
  const { problems } = await checkPolicies({ migrations });
  const text = problems.join('\n');
  expect(text).toContain(
    'policy users_never_deleted on users differs:\n    the migrated database: AS restrictive FOR delete TO gaodi_app USING (true)',
  );
  expect(text).toContain(
    'the declarations (*.table.ts): AS restrictive FOR delete TO gaodi_app USING (false)',
  );
  expect(text).toContain('policies.snapshot.json: AS restrictive FOR delete TO gaodi_app USING (false)');
  expect(text).toContain('table drift_things has region_code but declares no tenant policies');
  expect(text).toContain(
    'policy tenant_region on drift_things is in the migrated database but not in the declarations',
  );
  expect(text).toContain(
    'table drift_things: migrated database rls=true force=true region_code=true, snapshot absent',
  );
  // Nothing else is reported: the tree as it is agrees with itself.
  expect(problems.filter((p) => !/users_never_deleted|drift_things/.test(p))).toEqual([]);
}, 300_000);
