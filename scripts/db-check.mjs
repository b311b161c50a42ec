// Fails when the Drizzle tables and the committed migrations disagree: generates into a scratch
// copy of the migrations and checks that nothing new was written. No dependencies.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const migrations = resolve('apps/server/src/migrations');
const scratch = mkdtempSync(join(tmpdir(), 'gaodi-dbcheck-'));
const out = join(scratch, 'migrations');
cpSync(migrations, out, { recursive: true });
const config = join(scratch, 'drizzle.config.mjs');
writeFileSync(
  config,
  `export default ${JSON.stringify({ dialect: 'postgresql', schema: resolve('apps/server/src') + '/**/*.table.ts', out })};`,
);
const before = readdirSync(out).length;
try {
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], { stdio: 'pipe' });
} catch (e) {
  console.error(String(e.stderr ?? e));
  process.exit(1);
}
const after = readdirSync(out).filter((f) => f.endsWith('.sql'));
rmSync(scratch, { recursive: true, force: true });
if (readdirSync(migrations).length !== before || after.length !== readdirSync(migrations).filter((f) => f.endsWith('.sql')).length) {
  console.error('db:check: the tables changed but no migration was generated. Run: npm run db:generate -- --name <what>');
  process.exit(1);
}
console.log(`db:check: tables and ${after.length} migrations agree`);
