import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 when unreadable. */
export const cpuSeconds = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
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

/** Starts measuring the CPU time of `pids`; the returned function gives the seconds used since. */
export const cpuMeter = (pids: number[]) => {
  const start = pids.map(cpuSeconds);
  return () => pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - start[i]!, 0);
};
