type Ask = (opts: {
  method: 'POST' | 'GET';
  url: string;
  payload?: unknown;
}) => Promise<{ statusCode: number; json: <T = Job>() => T }>;
type Job = { id?: string; status: string; done: number; total: number; error: string | null };

/**
 * Asks every 50 ms (one at a time) alternately /api/health and `listUrl` as `other` until `done()`
 * says so: what another user feels. Delays in ms: max, p95, p50, and the peak RSS growth.
 */
async function probe(other: Ask, listUrl: string, done: () => Promise<boolean>) {
  const rss0 = process.memoryUsage.rss();
  let peak = rss0;
  const delays: number[] = [];
  let health = true;
  while (!(await done())) {
    const t = performance.now();
    const res = await other({ method: 'GET', url: health ? '/api/health' : listUrl });
    if (res.statusCode !== 200) throw new Error(`${health ? 'health' : 'list'} answered ${res.statusCode}`);
    delays.push(performance.now() - t);
    health = !health;
    peak = Math.max(peak, process.memoryUsage.rss());
    await new Promise((r) => setTimeout(r, 50));
  }
  delays.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? 0);
  return {
    probes: delays.length,
    maxDelayMs: Math.round(delays.at(-1) ?? 0),
    p95DelayMs: at(0.95),
    p50DelayMs: at(0.5),
    rssMb: Math.round((peak - rss0) / 1048576),
  };
}

/** The same probe for `ms` with nothing else running: the machine's own figures. */
export function probeIdle(other: Ask, listUrl: string, ms: number) {
  const end = performance.now() + ms;
  return probe(other, listUrl, async () => performance.now() > end);
}

/**
 * Confirms a previewed import and probes (above) until its background job has ended (the job is
 * asked once a second). Returns the job's end, its time and the probe's figures.
 */
export async function confirmWhileProbing(
  uploader: Ask,
  other: Ask,
  confirmUrl: string,
  listUrl: string,
  token: string,
) {
  const started = performance.now();
  const job = (await uploader({ method: 'POST', url: confirmUrl, payload: { token } })).json<Job>();
  if (!job.id) throw new Error(`confirm answered ${JSON.stringify(job)}`);
  let end: Job = job;
  let asked = 0;
  const figures = await probe(other, listUrl, async () => {
    if (performance.now() - asked > 1000) {
      end = (await uploader({ method: 'GET', url: `/api/import-jobs/${job.id}` })).json<Job>();
      asked = performance.now();
    }
    return end.status !== 'running';
  });
  return {
    status: end.status,
    rows: end.done,
    error: end.error,
    ms: Math.round(performance.now() - started),
    ...figures,
  };
}
