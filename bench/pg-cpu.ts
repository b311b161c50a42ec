import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (ms, user + system) used so far by a PostgreSQL cluster's processes: the postmaster's
 * children, read from /proc. On a shared machine wall times measure the neighbours as much as the
 * work; the CPU the server spent on a request is the work. Linux only (0 elsewhere).
 */
export function clusterCpuMs(dataDirectory: string): number {
  let postmaster: string | undefined;
  try {
    postmaster = readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0];
  } catch {
    return 0;
  }
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (pid !== postmaster && fields[1] !== postmaster) continue;
    total += (Number(fields[11]) + Number(fields[12])) * tick;
  }
  return total;
}
