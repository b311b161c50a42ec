// `node scripts/fetch-node.mjs [version]`: prints the bin directory of an official Node.js build,
// fetched once from the npm registry (the `node-<platform>-<arch>` packages carry the official
// binaries) and cached in ~/.cache/gaodi/. For machines whose distribution ships an older Node:
//   PATH="$(node scripts/fetch-node.mjs)":$PATH npm start
// No dependencies: it runs on whatever Node the machine has.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_LTS = '24.22.3';

const version = process.argv[2] ?? NODE_LTS;
const cacheRoot = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gaodi');
const target = join(cacheRoot, `node-${version}-${process.platform}-${process.arch}`);
const bin = join(target, 'bin');

if (!existsSync(join(bin, 'node'))) {
  const pkg = `node-${process.platform}-${process.arch}@${version}`;
  console.error(`[gaodi] fetching Node.js ${version} (${pkg}) from the npm registry…`);
  mkdirSync(cacheRoot, { recursive: true });
  // Unpacked beside its final place, so the last step is a rename on one file system.
  const work = mkdtempSync(join(cacheRoot, 'fetch-'));
  try {
    const tarball = execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    execFileSync('tar', ['xzf', join(work, tarball.split('\n').pop()), '-C', work]);
    rmSync(target, { recursive: true, force: true });
    renameSync(join(work, 'package'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
const reported = execFileSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
if (reported !== `v${version}`) {
  console.error(`[gaodi] ${bin}/node reports ${reported}, expected v${version}`);
  process.exit(1);
}
console.log(bin);
