import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  noiseWindow,
  parseProcStat,
  parseThreadCpuTicks,
  type NoiseReading,
} from '../../src/bench/index.ts';

const procStat = `cpu  37263 12 6903 241706 313 4 117 28 0 0
cpu0 18000 6 3400 120000 150 2 60 14 0 0
cpu1 19263 6 3503 121706 163 2 57 14 0 0
intr 1234567 0 0
ctxt 7654321
`;

describe('reading /proc/stat', () => {
  it('sums the busy times, the idle ones and the steal of the aggregate cpu line', () => {
    expect(parseProcStat(procStat)).toEqual({
      busy: 37263 + 12 + 6903 + 4 + 117,
      idle: 241706 + 313,
      steal: 28,
    });
  });

  it('gives nothing for a text without a cpu line or with words in it', () => {
    expect(parseProcStat('intr 1 2 3\n')).toBeUndefined();
    expect(parseProcStat('cpu  a b c d\n')).toBeUndefined();
  });
});

describe("reading a thread's /proc stat line", () => {
  it('counts fields after the command name, which may hold spaces and parentheses', () => {
    const line =
      '4242 (node (bench) x) R 1 4242 4242 0 -1 4194304 1500 0 0 0 731 42 0 0 20 0 11 0 12345 0 0';
    expect(parseThreadCpuTicks(line)).toBe(731 + 42);
  });

  it('gives nothing for a line that is not one', () => {
    expect(parseThreadCpuTicks('no parenthesis here')).toBeUndefined();
    expect(parseThreadCpuTicks('1 (x) R 1')).toBeUndefined();
  });
});

const reading = (at: number, overrides: Partial<NoiseReading> = {}): NoiseReading => ({
  atMs: at,
  processCpuUs: 0,
  threadCpuTicks: 0,
  machine: { busy: 0, idle: 0, steal: 0 },
  involuntarySwitches: 0,
  loadAverage: 0.7,
  ...overrides,
});

describe('the noise of one measuring window', () => {
  it("gives the thread's share, the steal, the other processes' CPU and the switches", () => {
    // One second: the thread ran 80 ticks (800 ms, counted as up to 810 for the tick it is
    // into), the process used 900 ms of CPU, the machine 150 busy ticks (1.5 s over its cores)
    // and 10 stolen of 200 in all.
    const window = noiseWindow(
      reading(1000),
      reading(2000, {
        processCpuUs: 900_000,
        threadCpuTicks: 80,
        machine: { busy: 150, idle: 40, steal: 10 },
        involuntarySwitches: 25,
        loadAverage: 1.9,
      }),
    );
    expect(window.wallMs).toBe(1000);
    expect(window.threadShare).toBeCloseTo(0.81, 9);
    expect(window.stealFraction).toBeCloseTo(10 / 200, 9);
    expect(window.otherCpuCores).toBeCloseTo(0.6, 9);
    expect(window.involuntarySwitchesPerSecond).toBe(25);
    expect(window.loadAverage).toBe(0.7);
  });

  it("leaves the thread's share unmeasured over a window too short for 10 ms ticks", () => {
    const window = noiseWindow(reading(0), reading(200, { threadCpuTicks: 12 }));
    expect(window.threadShare).toBeNull();
  });

  it('says "not measured" (null) where /proc was not there to read', () => {
    const window = noiseWindow(
      reading(0, { threadCpuTicks: undefined, machine: undefined }),
      reading(500, { threadCpuTicks: undefined, machine: undefined }),
    );
    expect(window).toMatchObject({ threadShare: null, stealFraction: null, otherCpuCores: null });
  });
});

describe.runIf(existsSync('/proc/stat'))('this machine', () => {
  it('has the /proc files the probe reads, in the format it parses', async () => {
    const { readFileSync } = await import('node:fs');
    expect(parseProcStat(readFileSync('/proc/stat', 'utf8'))?.busy).toBeGreaterThan(0);
    expect(
      parseThreadCpuTicks(readFileSync('/proc/thread-self/stat', 'utf8')),
    ).toBeGreaterThanOrEqual(0);
  });
});
