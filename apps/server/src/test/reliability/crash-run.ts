import { join } from 'node:path';
import { openDatabase } from '../../platform/db/database.ts';
import { signIn } from './api-client.ts';
import { checkThroughApi, checkThroughSql } from './crash-check.ts';
import { emptyAcked, freeze, writeUntilDeath } from './crash-writer.ts';
import { freePort, type ServerChild, startServer, type Target } from './server-process.ts';

export type CrashFigures = {
  engine: Target['engine'];
  kills: number;
  /** Kills that landed while a month-end snapshot was being taken (its answer had not come). */
  killsDuringSnapshot: number;
  acknowledgedWrites: number;
  inFlightAtKill: number;
  /** Acknowledged rows checked at the end (institutes, records, entries, stage moves). */
  checked: number;
  problems: string[];
  /** Milliseconds from spawn to a healthy /api/health after each kill. */
  restartMs: number[];
  seconds: number;
};

/** The month before `period` (YYYY-MM). */
const previousMonth = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

/**
 * The crash test: the real server as a child process, writers sending acknowledged writes (creates,
 * stage moves, ledger entries; every third cycle also a month-end snapshot), SIGKILL at a random
 * moment, restart with no repair, check. `kills` cycles, then a graceful stop and the whole ledger
 * checked against the tables.
 */
export async function runCrashTest(options: {
  target: Target;
  kills: number;
  workDir: string;
  log?: (line: string) => void;
}): Promise<CrashFigures> {
  const { target, kills } = options;
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const port = await freePort();
  const logFile = join(options.workDir, `server-${target.engine}.log`);
  const env = { GAODI_LOGIN_RATE_LIMIT: '100000' };
  let server: ServerChild = startServer(target, port, logFile, env);
  log(`${target.engine}: first start ${Math.round(await server.ready())} ms`);
  const acked = emptyAcked();
  const figures: CrashFigures = {
    engine: target.engine,
    kills: 0,
    killsDuringSnapshot: 0,
    acknowledgedWrites: 0,
    inFlightAtKill: 0,
    checked: 0,
    problems: [],
    restartMs: [],
    seconds: 0,
  };
  let period = previousMonth(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7));
  let freezeMs = 400;
  for (let cycle = 0; cycle < kills; cycle++) {
    const client = await signIn(server.base, 'jx_staff');
    const before = new Set(acked.records.keys());
    const writers = writeUntilDeath(client, acked, cycle);
    let frozen: Promise<boolean> = Promise.resolve(true);
    let delay = between(500, 4000);
    if (cycle % 3 === 2) {
      period = previousMonth(period);
      const t0 = performance.now();
      frozen = freeze(client, acked, period).then((answered) => {
        if (answered) freezeMs = performance.now() - t0;
        return answered;
      });
      delay = between(5, freezeMs);
    }
    await sleep(delay);
    await server.kill();
    figures.kills++;
    await writers;
    if (!(await frozen)) figures.killsDuringSnapshot++;
    server = startServer(target, port, logFile, env);
    const ms = await server.ready(120_000);
    figures.restartMs.push(ms);
    const fresh = [...acked.records.keys()].filter((id) => !before.has(id));
    const problems = await checkThroughApi(await signIn(server.base, 'jx_staff'), acked, fresh);
    figures.problems.push(...problems.map((p) => `after kill ${cycle + 1}: ${p}`));
    log(
      `${target.engine}: kill ${cycle + 1}/${kills} after ${Math.round(delay)} ms${cycle % 3 === 2 ? ` (snapshot ${period})` : ''}; ` +
        `${acked.writes} acknowledged so far, restart ${Math.round(ms)} ms, ${problems.length} problems`,
    );
  }
  await server.stop();
  const db = await openDatabase(
    target.engine === 'pglite'
      ? { engine: 'pglite', dataDir: target.dataDir }
      : { engine: 'postgres', url: target.url },
  );
  try {
    const result = await checkThroughSql(db.owner, acked);
    figures.checked = result.checked;
    figures.problems.push(...result.problems);
  } finally {
    await db.close();
  }
  figures.acknowledgedWrites = acked.writes;
  figures.inFlightAtKill = acked.inFlightAtKill;
  figures.problems.push(...acked.errors.map((e) => `unexpected answer: ${e}`));
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}
