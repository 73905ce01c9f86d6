import { readFileSync } from 'node:fs';

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

/** Starts measuring the CPU time of `pids`; the returned function gives the seconds used since. */
export const cpuMeter = (pids: number[]) => {
  const start = pids.map(cpuSeconds);
  return () => pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - start[i]!, 0);
};
