import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null when it is gone or unreadable. */
const readCpuSeconds = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
};


/** PostgreSQL's processes (the postmaster and its backends), to see the database's share of a run. */
export const postgresPids = (): number[] => {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
};

/**
 * Starts measuring the CPU time of `pids`; the returned function gives the seconds used since. A
 * process that exited meanwhile (a database backend whose connection closed) counts for nothing:
 * its last reading is gone with it, so this is a lower bound for such groups.
 */
export const cpuMeter = (pids: number[]) => {
  const start = pids.map(readCpuSeconds);
  return () =>
    pids.reduce((sum, pid, i) => {
      const [from, to] = [start[i], readCpuSeconds(pid)];
      return from == null || to === null ? sum : sum + Math.max(0, to - from);
    }, 0);
};
