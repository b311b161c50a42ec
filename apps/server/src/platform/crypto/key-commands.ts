import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { AppDb } from '../db/database.ts';
import type { DataBox } from './data-box.ts';
import { addKeyFile, type KeySource, loadKeyring, retireKeyFile } from './data-key.ts';
import type { EncryptedColumn } from './encrypted-column.ts';
import { checkKeyRetirable, countKeyVersions, type KeyUsage } from './key-usage.ts';
import { rotateToCurrentKey } from './rekey.ts';

export type KeyCommand =
  | { command: 'status' }
  | { command: 'rotate'; batchSize?: number }
  | { command: 'retire'; version: number };

export type KeyCommandDeps = {
  db: { owner: AppDb };
  box: DataBox;
  clock: Clock;
  columns: readonly EncryptedColumn[];
  /** Where the keys come from; file keys live in `dataDir`. */
  source: KeySource;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  onProgress?: (done: number, total: number) => void;
};

export type KeyCommandResult = { ok: boolean; lines: string[] };

/** `npm run keys:status|rotate|retire`, run by the script or, for a running embedded server, by it. */
export async function runKeyCommand(deps: KeyCommandDeps, cmd: KeyCommand): Promise<KeyCommandResult> {
  if (cmd.command === 'status') return status(deps);
  if (cmd.command === 'rotate') return rotate(deps, cmd.batchSize);
  return retire(deps, cmd.version);
}

function usageLines(usage: KeyUsage, box: DataBox): string[] {
  const { current, known } = box.versions();
  const fmt = (versions: Record<string, number>) =>
    Object.entries(versions)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([v, n]) => `${v === 'none' ? 'not an envelope' : `v${v}`} ${n}`)
      .join(', ') || 'empty';
  const missing = Object.keys(usage.total).filter((v) => v !== 'none' && !known.includes(Number(v)));
  return [
    `data keys: current v${current}; configured ${known.map((v) => `v${v}`).join(', ')}`,
    ...usage.columns.map((c) => `  ${`${c.table}.${c.column}`.padEnd(36)} ${fmt(c.versions)}`),
    `  ${'total'.padEnd(36)} ${fmt(usage.total)}`,
    ...missing.map(
      (v) => `  WARNING: ${usage.total[v]} values use v${v}, which is not configured: they cannot be read`,
    ),
  ];
}

async function status(deps: KeyCommandDeps): Promise<KeyCommandResult> {
  const usage = await countKeyVersions(deps.db.owner, deps.columns);
  const lines = usageLines(usage, deps.box);
  return { ok: !lines.some((l) => l.includes('WARNING')), lines };
}

const pendingOf = (usage: KeyUsage, current: number) =>
  Object.entries(usage.total)
    .filter(([v]) => v !== 'none' && v !== String(current))
    .reduce((n, [, x]) => n + x, 0);

async function rotate(deps: KeyCommandDeps, batchSize?: number): Promise<KeyCommandResult> {
  const lines: string[] = [];
  const { current } = deps.box.versions();
  const pending = pendingOf(await countKeyVersions(deps.db.owner, deps.columns), current);
  if (pending > 0) {
    lines.push(`${pending} values are under older keys: re-encrypting them under the current v${current}`);
  } else if (deps.source === 'file') {
    const version = addKeyFile(deps.dataDir);
    deps.box.adopt(loadKeyring({ env: {}, dataDir: deps.dataDir }));
    lines.push(`new data key v${version} added (${deps.dataDir}); it is the current key`);
  } else {
    const next = Math.max(...deps.box.versions().known) + 1;
    return {
      ok: false,
      lines: [
        `every value is under the current key v${current}. To rotate, add a new key on every node, e.g.`,
        `  GAODI_DATA_KEYS="${next}:${randomBytes(32).toString('hex')}" (besides the keys there now),`,
        '  restart them (the highest version encrypts; GAODI_DATA_KEY_CURRENT pins one), then run npm run keys:rotate again.',
      ],
    };
  }
  const report = await rotateToCurrentKey({ ...deps, batchSize });
  const rate = report.seconds > 0 ? Math.round(report.rekeyed / report.seconds) : report.rekeyed;
  lines.push(
    `re-encrypted ${report.rekeyed} values under v${report.toVersion} in ${report.batches} batches, ${report.seconds} s (${rate} values/s)` +
      (report.failed > 0 ? `; ${report.failed} values did not decrypt and were left as they are` : ''),
    ...usageLines(await countKeyVersions(deps.db.owner, deps.columns), deps.box),
  );
  return { ok: report.failed === 0, lines };
}

async function retire(deps: KeyCommandDeps, version: number): Promise<KeyCommandResult> {
  try {
    await checkKeyRetirable(deps, version);
  } catch (error) {
    return { ok: false, lines: [(error as Error).message] };
  }
  if (deps.source === 'file') {
    const file = retireKeyFile(deps.dataDir, loadKeyring({ env: {}, dataDir: deps.dataDir }), version);
    deps.box.adopt(loadKeyring({ env: {}, dataDir: deps.dataDir }));
    return {
      ok: true,
      lines: [
        `data key v${version} retired: no value uses it; its file is now ${file}.`,
        '  Keep it offline with the backups made before the rotation; delete it when they expire.',
      ],
    };
  }
  const lookup = version === 1 && !(deps.env ?? process.env).GAODI_DATA_LOOKUP_KEY;
  return {
    ok: true,
    lines: [
      `no value uses data key v${version}: remove it from the configuration of every node and restart them.`,
      ...(lookup
        ? [
            `  First set GAODI_DATA_LOOKUP_KEY=${loadKeyring({ env: deps.env ?? process.env, dataDir: deps.dataDir }).lookup.toString('hex')} on every node (lookup hashes keep working).`,
          ]
        : []),
    ],
  };
}
