import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Worker threads for CPU-heavy work that must not hold up other requests (parsing uploaded
 * workbooks). A pool per worker module: at most `size` workers, kept warm between jobs (loading
 * ExcelJS costs more than a small file), ended after `idleMs` unused. Each worker runs one job at a
 * time and has its own heap limit, so a pathological file ends that worker, not the server.
 *
 * The worker module answers `{ id, data }` messages with any number of `{ id, ... }` messages and
 * finally `{ id, type: 'end' }`; see sheet-worker.ts.
 */

// tsx's ESM API (`tsx/esm/api`, import condition), found through its package.json: the test runner
// has no import.meta.resolve. Workers load TypeScript modules through it, as the server does.
const TSX = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
).href;

export type WorkerJob = {
  /** The worker's messages for this job, in order, without the final `end`. */
  messages: AsyncIterable<Record<string, unknown>>;
  /** Ends the worker now (the caller gave up on the job); a new one is started when needed. */
  stop: () => Promise<void>;
};

type Slot = {
  worker: Worker;
  onMessage: ((m: Record<string, unknown>) => void) | null;
  onGone: (() => void) | null;
};

/**
 * The job `id` on `slot`: its messages are queued until read; the final `end` hands the slot back
 * (`release`); the worker's exit before it fails the reader.
 */
function followJob(slot: Slot, id: number, release: () => void): WorkerJob {
  const queue: Record<string, unknown>[] = [];
  let wake: (() => void) | null = null;
  let state: 'running' | 'ended' | 'gone' = 'running';
  const notify = () => {
    wake?.();
    wake = null;
  };
  slot.onMessage = (m) => {
    if (m.id !== id) return;
    if (m.type === 'end') {
      state = 'ended';
      release();
    } else queue.push(m);
    notify();
  };
  slot.onGone = () => {
    state = 'gone';
    notify();
  };
  async function* messages() {
    for (;;) {
      const m = queue.shift();
      if (m) {
        yield m;
        continue;
      }
      if (state === 'ended') return;
      if (state === 'gone') throw new Error('worker ended before its job');
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }
  return {
    messages: messages(),
    stop: async () => {
      if (state === 'running') await slot.worker.terminate();
    },
  };
}

export function createWorkerPool(
  module: URL,
  options: { size?: number; maxHeapMb?: number; idleMs?: number } = {},
) {
  const size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const idle: Slot[] = [];
  const all = new Set<Slot>();
  const waiting: ((slot: Slot) => void)[] = [];
  const timers = new Map<Slot, NodeJS.Timeout>();
  let nextId = 1;

  function spawn(): Slot {
    const code = `import(${JSON.stringify(TSX)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`;
    const worker = new Worker(code, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 384 },
    });
    worker.unref();
    const slot: Slot = { worker, onMessage: null, onGone: null };
    worker.on('message', (m) => slot.onMessage?.(m));
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      all.delete(slot);
      const i = idle.indexOf(slot);
      if (i >= 0) idle.splice(i, 1);
      clearTimeout(timers.get(slot));
      slot.onGone?.();
      const next = waiting.shift();
      if (next) next(spawnTracked());
    });
    return slot;
  }
  function spawnTracked(): Slot {
    const slot = spawn();
    all.add(slot);
    return slot;
  }

  async function acquire(): Promise<Slot> {
    const ready = idle.pop();
    if (ready) {
      clearTimeout(timers.get(ready));
      return ready;
    }
    if (all.size < size) return spawnTracked();
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(slot: Slot) {
    slot.onMessage = null;
    slot.onGone = null;
    const next = waiting.shift();
    if (next) return next(slot);
    idle.push(slot);
    timers.set(slot, setTimeout(() => void slot.worker.terminate(), options.idleMs ?? 10 * 60_000).unref());
  }

  /** Starts one worker ahead of the first job (ExcelJS loaded before anyone waits for it). */
  function warm(): void {
    if (all.size === 0) release(spawnTracked());
  }

  async function run(data: unknown, transfer: ArrayBuffer[] = []): Promise<WorkerJob> {
    const slot = await acquire();
    const id = nextId++;
    const job = followJob(slot, id, () => release(slot));
    slot.worker.postMessage({ id, data }, transfer);
    return job;
  }

  return {
    run,
    warm,
    close: async () => {
      await Promise.all([...all].map((s) => s.worker.terminate()));
    },
  };
}
