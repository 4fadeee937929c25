import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { failure, type Outcome } from '../errors.ts';
import { hasConstantTsc, parseCpuinfoGhz, parseGhzOverride, parseTscKhzGhz } from './parse.ts';

/** The tick frequency used to turn nanoseconds into ticks, and where it came from. */
export interface TickFrequency {
  readonly ghz: number;
  readonly source: string;
}

export const tickGhzFlag = '--tick-ghz';
export const tickGhzVariable = 'CERTIFY_TICK_GHZ';
export const tscKhzPath = '/sys/devices/system/cpu/cpu0/tsc_freq_khz';
export const cpuinfoPath = '/proc/cpuinfo';

/** Where the frequency may come from; the real machine by default, sample text in tests. */
export interface FrequencySources {
  /** `--tick-ghz`, already parsed by the command line. */
  readonly flagGhz?: number | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A file's text, or undefined when it cannot be read. */
  readonly readText?: (path: string) => string | undefined;
  /** `os.cpus()[0].speed` in MHz (0 where the platform does not know it). */
  readonly cpuSpeedMhz?: () => number | undefined;
}

const absenceCodes = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM']);
const isFileAbsence = (error: unknown): boolean =>
  error instanceof Error && absenceCodes.has(String(Reflect.get(error, 'code')));

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error: unknown) {
    // Absent on this kernel or platform, or not readable: the next source is tried.
    if (isFileAbsence(error)) return undefined;
    throw error;
  }
}

const firstCpuSpeedMhz = (): number | undefined => cpus()[0]?.speed;

function fromMachine(
  readText: (path: string) => string | undefined,
  cpuSpeedMhz: () => number | undefined,
): TickFrequency | undefined {
  const tscText = readText(tscKhzPath);
  const tscGhz = tscText === undefined ? undefined : parseTscKhzGhz(tscText);
  if (tscGhz !== undefined) return { ghz: tscGhz, source: `${tscKhzPath} (TSC frequency)` };
  const cpuinfo = readText(cpuinfoPath);
  const cpuinfoGhz = cpuinfo === undefined ? undefined : parseCpuinfoGhz(cpuinfo);
  if (cpuinfo !== undefined && cpuinfoGhz !== undefined) {
    const tsc = hasConstantTsc(cpuinfo) ? ', constant_tsc' : '';
    return { ghz: cpuinfoGhz, source: `${cpuinfoPath} "cpu MHz"${tsc}` };
  }
  const speed = cpuSpeedMhz();
  if (speed !== undefined && Number.isFinite(speed) && speed > 0) {
    return { ghz: speed / 1000, source: 'os.cpus()[0].speed' };
  }
  return undefined;
}

/**
 * ticks.md's order: `--tick-ghz`, then `CERTIFY_TICK_GHZ`, then the kernel's TSC frequency, then
 * `/proc/cpuinfo` "cpu MHz", then `os.cpus()[0].speed`. A bad override is an error, never skipped.
 */
export function resolveTickFrequency(sources: FrequencySources = {}): Outcome<TickFrequency> {
  const { flagGhz, env = process.env } = sources;
  if (flagGhz !== undefined) {
    if (!Number.isFinite(flagGhz) || flagGhz <= 0) {
      return failure(
        'TICK_FREQUENCY',
        `${tickGhzFlag} must be a positive number of GHz, got ${flagGhz}`,
      );
    }
    return { ok: true, value: { ghz: flagGhz, source: tickGhzFlag } };
  }
  const variable = env[tickGhzVariable];
  if (variable !== undefined && variable !== '') {
    const ghz = parseGhzOverride(variable);
    if (ghz === undefined) {
      return failure(
        'TICK_FREQUENCY',
        `${tickGhzVariable} must be a positive number of GHz, got ${JSON.stringify(variable)}`,
      );
    }
    return { ok: true, value: { ghz, source: tickGhzVariable } };
  }
  const machine = fromMachine(
    sources.readText ?? readTextOrUndefined,
    sources.cpuSpeedMhz ?? firstCpuSpeedMhz,
  );
  if (machine !== undefined) return { ok: true, value: machine };
  return failure(
    'TICK_FREQUENCY',
    `cannot read the processor frequency on this machine; pass ${tickGhzFlag} <GHz> or set ${tickGhzVariable}`,
  );
}
