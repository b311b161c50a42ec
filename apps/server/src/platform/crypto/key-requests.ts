import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KeyCommand, type KeyCommandDeps, runKeyCommand } from './key-commands.ts';

/** Where `npm run keys:*` asks a running embedded server (then sends it SIGUSR2, as `npm run backup`). */
export const KEY_REQUEST = 'keys-request.json';

/** What the server writes into the request's `outFile`: progress while it runs, then the result. */
export type KeyAnswer = {
  done: boolean;
  ok: boolean;
  lines: string[];
  progress?: { done: number; total: number };
};

/**
 * The embedded engine has one process: the key commands run in the server that holds the folder,
 * which also takes the new or retired key into its own keyring at once. One command at a time.
 */
export function answerKeyRequests(
  deps: Omit<KeyCommandDeps, 'onProgress'>,
  log: { error: (o: object, m: string) => void },
) {
  let running = false;
  process.on('SIGUSR2', () => {
    const file = join(deps.dataDir, KEY_REQUEST);
    if (!existsSync(file) || running) return;
    const { outFile, ...cmd } = JSON.parse(readFileSync(file, 'utf8')) as KeyCommand & { outFile: string };
    rmSync(file, { force: true });
    const publish = (answer: KeyAnswer) => {
      writeFileSync(`${outFile}.tmp`, JSON.stringify(answer));
      renameSync(`${outFile}.tmp`, outFile);
    };
    let shown = 0;
    running = true;
    runKeyCommand(
      {
        ...deps,
        onProgress: (done, total) => {
          if (Date.now() - shown < 1000) return;
          shown = Date.now();
          publish({ done: false, ok: true, lines: [], progress: { done, total } });
        },
      },
      cmd,
    )
      .then((result) => publish({ done: true, ...result }))
      .catch((error: Error) => {
        log.error({ error: error.message }, 'key command failed');
        publish({ done: true, ok: false, lines: [error.message] });
      })
      .finally(() => {
        running = false;
      });
  });
}
