/** The machine-wide CPU time of `/proc/stat`'s first line, in clock ticks (USER_HZ). */
export interface CpuTimes {
  /** Time the processors ran anything: user, nice, system, irq, softirq. */
  readonly busy: number;
  /** Idle and waiting for I/O. */
  readonly idle: number;
  /** Time the hypervisor gave this machine's virtual processors to another guest. */
  readonly steal: number;
}

/**
 * Reads the aggregate `cpu` line of `/proc/stat` (`cpu user nice system idle iowait irq softirq
 * steal guest guest_nice`); guest time is already counted in user, so it is left out. Undefined
 * when the text has no such line.
 */
export function parseProcStat(text: string): CpuTimes | undefined {
  const line = text.split('\n').find((entry) => /^cpu\s/.test(entry));
  if (line === undefined) return undefined;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length < 4 || fields.some((value) => !Number.isFinite(value))) return undefined;
  const at = (index: number): number => fields[index] ?? 0;
  return {
    busy: at(0) + at(1) + at(2) + at(5) + at(6),
    idle: at(3) + at(4),
    steal: at(7),
  };
}

/**
 * The CPU time (user + system, in clock ticks) of one thread from its `/proc/<pid>/task/<tid>/stat`
 * line. The command name, field 2, is in parentheses and may hold spaces, so the fields are
 * counted from the last `)`: utime and stime are fields 14 and 15.
 */
export function parseThreadCpuTicks(text: string): number | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  // Fields from the third (state) on: utime is the 12th of them, stime the 13th.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : undefined;
}
