// `npm start`: builds the web UI when its build is missing or older than its sources, then runs
// the server (which applies migrations, loads demo data once and prints the URL and demo logins;
// with NODE_ENV=production or GAODI_DEMO=0 it loads no demo and creates an initial administrator).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

// Node 20 reached its end of life on 2026-04-30: it still runs Gaodi, but a security review flags an
// unsupported runtime. Said once, at start.
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22) {
  console.warn(
    `[gaodi] 注意：Node ${process.version} 已于 2026-04-30 停止维护，请改用 Node 24 LTS（见 README「运行环境」）。\n` +
      `[gaodi] Note: Node ${process.version} reached end of life on 2026-04-30; run Gaodi on Node 24 LTS (README, "Runtime").`,
  );
}

const built = 'apps/web/dist/index.html';
const sources = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/contracts/src',
  'package-lock.json',
];
const isStale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
if (isStale) {
  console.log('[gaodi] building the web UI…');
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const server = spawn('npx', ['tsx', 'apps/server/src/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
