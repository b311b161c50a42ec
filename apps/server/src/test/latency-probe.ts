import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

export type LatencyFigures = { pings: number; maxHealthMs: number; maxLoopStallMs: number; peakRss: number };

/**
 * Pings /api/health every 10 ms (one at a time) while something else runs, and watches the event
 * loop: what another user of the server would have felt.
 */
export function probeHealth(app: FastifyInstance) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let running = true;
  let pings = 0;
  let max = 0;
  let peakRss = process.memoryUsage.rss();
  const pinging = (async () => {
    while (running) {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      if (res.statusCode !== 200) throw new Error(`health answered ${res.statusCode}`);
      max = Math.max(max, performance.now() - started);
      pings++;
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    stop: async (): Promise<LatencyFigures> => {
      running = false;
      await pinging;
      loop.disable();
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      return { pings, maxHealthMs: Math.round(max), maxLoopStallMs: Math.round(loop.max / 1e6), peakRss };
    },
  };
}

/** Time, peak RSS growth (MB) and health latency of one request. */
export async function measure<T>(app: FastifyInstance, fn: () => Promise<T>) {
  const rss = process.memoryUsage.rss();
  const probe = probeHealth(app);
  const started = performance.now();
  const result = await fn();
  const ms = Math.round(performance.now() - started);
  const figures = await probe.stop();
  return { result, ms, rssMb: Math.round((figures.peakRss - rss) / 1048576), ...figures };
}
