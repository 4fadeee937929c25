import { describe, expect, it } from 'vitest';
import {
  parseCpuinfoGhz,
  parseGhzOverride,
  parseTscKhzGhz,
  resolveTickFrequency,
  type FrequencySources,
} from '../../src/bench/index.ts';

const x86Cpuinfo = `processor\t: 0
vendor_id\t: AuthenticAMD
model name\t: AMD EPYC
cpu MHz\t\t: 2445.426
flags\t\t: fpu vme tsc rdtscp constant_tsc nonstop_tsc tsc_known_freq sse4_2 avx2

processor\t: 1
cpu MHz\t\t: 2600.000
`;

const armCpuinfo = `processor\t: 0
BogoMIPS\t: 50.00
Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32
CPU implementer\t: 0x41
`;

/** A machine described by file contents and an os.cpus() speed, as the resolver reads them. */
function machine(files: Record<string, string>, cpuSpeedMhz = 0): FrequencySources {
  return { env: {}, readText: (path) => files[path], cpuSpeedMhz: () => cpuSpeedMhz };
}

describe('reading the frequency from the machine', () => {
  it('takes the first "cpu MHz" line of /proc/cpuinfo, in GHz', () => {
    expect(parseCpuinfoGhz(x86Cpuinfo)).toBeCloseTo(2.445426, 6);
  });

  it('finds no frequency in a cpuinfo without "cpu MHz" (arm64)', () => {
    expect(parseCpuinfoGhz(armCpuinfo)).toBeUndefined();
  });

  it('reads a tsc_freq_khz file and refuses anything but an integer', () => {
    expect(parseTscKhzGhz('2445426\n')).toBeCloseTo(2.445426, 6);
    expect(parseTscKhzGhz('fast')).toBeUndefined();
    expect(parseTscKhzGhz('0')).toBeUndefined();
  });

  it('accepts a positive decimal override and nothing else', () => {
    expect(parseGhzOverride(' 3.5 ')).toBe(3.5);
    for (const bad of ['', '0', '-2', 'abc', '2e9', 'Infinity', '3 GHz']) {
      expect(parseGhzOverride(bad)).toBeUndefined();
    }
  });
});

describe('which frequency wins', () => {
  const tscPath = '/sys/devices/system/cpu/cpu0/tsc_freq_khz';
  const everything = machine({ [tscPath]: '2000000', '/proc/cpuinfo': x86Cpuinfo }, 1800);

  it('prefers --tick-ghz over the environment and the machine', () => {
    const resolved = resolveTickFrequency({
      ...everything,
      flagGhz: 4,
      env: { CERTIFY_TICK_GHZ: '3' },
    });
    expect(resolved).toEqual({ ok: true, value: { ghz: 4, source: '--tick-ghz' } });
  });

  it('prefers CERTIFY_TICK_GHZ over the machine', () => {
    const resolved = resolveTickFrequency({ ...everything, env: { CERTIFY_TICK_GHZ: '3' } });
    expect(resolved).toEqual({ ok: true, value: { ghz: 3, source: 'CERTIFY_TICK_GHZ' } });
  });

  it("prefers the kernel's TSC frequency over cpuinfo", () => {
    expect(resolveTickFrequency(everything)).toEqual({
      ok: true,
      value: { ghz: 2, source: `${tscPath} (TSC frequency)` },
    });
  });

  it('falls back to cpuinfo, saying whether the TSC is constant', () => {
    expect(resolveTickFrequency(machine({ '/proc/cpuinfo': x86Cpuinfo }, 1800))).toEqual({
      ok: true,
      value: { ghz: 2.445426, source: '/proc/cpuinfo "cpu MHz", constant_tsc' },
    });
  });

  it('falls back to os.cpus() speed when cpuinfo has no frequency', () => {
    expect(resolveTickFrequency(machine({ '/proc/cpuinfo': armCpuinfo }, 3200))).toEqual({
      ok: true,
      value: { ghz: 3.2, source: 'os.cpus()[0].speed' },
    });
  });

  it('says how to give the frequency when the machine tells nothing', () => {
    const resolved = resolveTickFrequency(machine({}, 0));
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) {
      expect(resolved.error.code).toBe('TICK_FREQUENCY');
      expect(resolved.error.message).toContain('--tick-ghz');
      expect(resolved.error.message).toContain('CERTIFY_TICK_GHZ');
    }
  });

  it('rejects a malformed CERTIFY_TICK_GHZ instead of skipping it', () => {
    const resolved = resolveTickFrequency({ ...everything, env: { CERTIFY_TICK_GHZ: 'fast' } });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.error.message).toMatch(/CERTIFY_TICK_GHZ.*"fast"/);
  });

  it('rejects a non-positive --tick-ghz', () => {
    const resolved = resolveTickFrequency({ ...everything, flagGhz: 0 });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.error.message).toContain('--tick-ghz');
  });
});
