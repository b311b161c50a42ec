// Fails when the Drizzle tables and the committed migrations disagree: runs drizzle-kit generate
// into a scratch copy of the migrations and requires it to find nothing to write; then
// scripts/policy-check.ts compares the row-level policies of a freshly migrated database with their
// declarations beside the tables and with the committed snapshot (policies.snapshot.json).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const migrations = 'apps/server/src/migrations';
// drizzle-kit wants paths relative to the working directory.
const scratch = '.test-output/db-check';
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
cpSync(migrations, `${scratch}/migrations`, { recursive: true });
const config = `${scratch}/drizzle.config.mjs`;
writeFileSync(
  config,
  `export default ${JSON.stringify({ dialect: 'postgresql', schema: './apps/server/src/**/*.table.ts', out: `./${scratch}/migrations` })};`,
);
let output = '';
try {
  output = execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
} catch (e) {
  output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
}
const count = (dir) => readdirSync(dir).filter((f) => f.endsWith('.sql')).length;
const committed = count(migrations);
const generated = count(`${scratch}/migrations`);
rmSync(scratch, { recursive: true, force: true });
if (!/No schema changes/i.test(output) || generated !== committed) {
  console.error(output);
  console.error(
    'db:check: the tables and the migrations disagree. Run: npm run db:generate -- --name <what>',
  );
  process.exit(1);
}
console.log(`db:check: tables and ${committed} migrations agree`);
try {
  execFileSync('npx', ['tsx', 'scripts/policy-check.ts'], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
