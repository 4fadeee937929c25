/** The first `cpu MHz` figure of `/proc/cpuinfo` text, in GHz; undefined when absent or not positive. */
export function parseCpuinfoGhz(cpuinfo: string): number | undefined {
  const match = /^cpu MHz\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*$/m.exec(cpuinfo);
  return match?.[1] === undefined ? undefined : positiveGhz(Number(match[1]) / 1000);
}

/** Whether `/proc/cpuinfo` says the time-stamp counter runs at a constant rate (x86 `constant_tsc`). */
export function hasConstantTsc(cpuinfo: string): boolean {
  return /^flags\s*:.*\bconstant_tsc\b/m.test(cpuinfo);
}

/** A kernel's `tsc_freq_khz` file (one integer, kHz), in GHz. */
export function parseTscKhzGhz(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[0-9]+$/.test(trimmed) ? positiveGhz(Number(trimmed) / 1e6) : undefined;
}

/** A user-given frequency in GHz: a plain positive decimal number, nothing else. */
export function parseGhzOverride(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[0-9]+(?:\.[0-9]+)?$/.test(trimmed) ? positiveGhz(Number(trimmed)) : undefined;
}

function positiveGhz(ghz: number): number | undefined {
  return Number.isFinite(ghz) && ghz > 0 ? ghz : undefined;
}
