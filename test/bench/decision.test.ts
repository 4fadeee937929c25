import { describe, expect, it } from 'vitest';
import {
  defaultGateSettings,
  gateStatusOf,
  lookAt,
  perLookLevel,
  studentTQuantile,
  trimmedMeanInterval,
  type GateSettings,
  type ProcessFigures,
} from '../../src/bench/index.ts';
import { processesOf, quiet } from './synthetic.ts';

const settings: GateSettings = defaultGateSettings;
const level = perLookLevel(settings, 1);
const look = (processes: ProcessFigures[], budget = 8) =>
  lookAt({ processes, budget, level, minProcesses: settings.minProcesses });

describe("Student's t quantiles", () => {
  it.each([
    [0.975, 1, 12.7062],
    [0.975, 2, 4.3027],
    [0.975, 10, 2.2281],
    [0.995, 30, 2.75],
    [0.9975, 3, 7.4533],
    [0.999, 1, 318.3088],
    [0.975, 1000, 1.9623],
  ])('P(T ≤ t) = %s with %s degrees of freedom at t = %s (tables)', (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 3);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 3);
  });

  it('refuses a probability outside (0, 1) and degrees of freedom that are not positive', () => {
    expect(() => studentTQuantile(1, 3)).toThrow('a probability strictly between 0 and 1, got 1');
    expect(() => studentTQuantile(0.9, 0)).toThrow('degrees of freedom must be positive, got 0');
  });
});

describe('the trimmed-mean interval of process medians', () => {
  it('is the ordinary t interval of the mean below five processes', () => {
    const interval = trimmedMeanInterval([4, 5, 6], 0.95);
    // mean 5, s = 1, se = 1/√3, t(0.975, 2) = 4.3027
    expect(interval.estimate).toBe(5);
    expect(interval.upper - 5).toBeCloseTo((4.3027 * 1) / Math.sqrt(3), 3);
    expect(interval.lower).toBeCloseTo(10 - interval.upper, 9);
    expect(interval.level).toBe(0.95);
  });

  it('trims a fifth from each end from five processes on, and winsorizes for the error', () => {
    const interval = trimmedMeanInterval([5.0, 5.1, 4.9, 5.05, 20], 0.95);
    // g = 1: kept 5.0, 5.05, 5.1; winsorized 5.0, 5.0, 5.05, 5.1, 5.1
    expect(interval.estimate).toBeCloseTo(5.05, 9);
    const winsorized = [5.0, 5.0, 5.05, 5.1, 5.1];
    const mean = winsorized.reduce((a, b) => a + b) / 5;
    const variance = winsorized.reduce((sum, v) => sum + (v - mean) ** 2, 0) / 4;
    const se = Math.sqrt((4 * variance) / (3 * 2));
    expect(interval.upper - interval.estimate).toBeCloseTo(4.3027 * se, 3);
  });

  it('gives the same interval for the same medians, whatever their order', () => {
    const medians = [6.1, 5.2, 7.9, 5.5, 6.6, 5.9];
    const first = trimmedMeanInterval(medians, 0.99);
    expect(trimmedMeanInterval([...medians].reverse(), 0.99)).toEqual(first);
    expect(trimmedMeanInterval(medians, 0.99)).toEqual(first);
  });

  it('needs two processes', () => {
    expect(() => trimmedMeanInterval([5], 0.95)).toThrow('at least two values, got 1');
  });
});

describe('the level of each look', () => {
  it("shares the verdict's error out over every look at every gated case", () => {
    expect(perLookLevel(settings, 1)).toBeCloseTo(1 - 0.05 / 8, 12);
    expect(perLookLevel(settings, 2)).toBeCloseTo(1 - 0.05 / 16, 12);
    expect(perLookLevel({ ...settings, minProcesses: 2, maxProcesses: 2 }, 1)).toBeCloseTo(
      0.95,
      12,
    );
  });
});

describe('one look at a gated case', () => {
  it('passes a case clearly under its budget', () => {
    const result = look(processesOf([5.0, 5.1, 4.9]));
    expect(result.status).toBe('pass');
    expect(result.interval?.upper).toBeLessThan(8);
    expect(result.reason).toMatch(
      /^99\.375% interval \[\d\.\d\d, \d\.\d\d\] around 5\.00 ticks per event over 3 processes, within the budget of 8$/,
    );
  });

  it('fails a case clearly over its budget', () => {
    const result = look(processesOf([12.0, 12.2, 11.9]));
    expect(result.status).toBe('fail');
    expect(result.interval?.lower).toBeGreaterThan(8);
    expect(result.reason).toContain('over the budget of 8');
  });

  it('decides neither way when the interval straddles the budget, naming the noise', () => {
    const result = look(processesOf([7.4, 8.6, 7.9, 8.3]));
    expect(result.status).toBe('undecided');
    expect(result.interval?.lower).toBeLessThan(8);
    expect(result.interval?.upper).toBeGreaterThan(8);
    expect(result.reason).toContain('straddles the budget of 8 (within-process spread 5.0%');
  });

  it('takes no decision before the minimum of processes', () => {
    const result = look(processesOf([1, 1.01]));
    expect(result).toMatchObject({ status: 'undecided', interval: null });
    expect(result.reason).toBe('2 of at least 3 processes measured');
  });

  it('is not moved by one process far off the others (a burst of load)', () => {
    const steady = [5.0, 5.1, 4.9, 5.05, 4.95];
    const result = look(processesOf([...steady, 20]));
    expect(result.status).toBe('pass');
    expect(result.interval?.estimate).toBeCloseTo(5.025, 3);
    // The plain mean of the six would be 7.5, and its interval would reach far past the budget.
    const plain = trimmedMeanInterval([...steady.slice(0, 3), 20], level);
    expect(plain.upper).toBeGreaterThan(8);
  });

  it('is not overconfident when each process is precise but the processes disagree', () => {
    // Each process alone is sharp (0.1% spread, thousands of samples) but they sit at 4, 7 and
    // 10: pooling their samples would give a narrow interval around 7. Between-process variation
    // is what another run would see, so the interval spans it and nothing is decided under 12.
    const processes = processesOf([4, 7, 10], { within: 0.001 });
    const result = look(processes, 12);
    expect(result.status).toBe('undecided');
    expect(result.interval?.lower).toBeLessThan(4);
    expect(result.interval?.upper).toBeGreaterThan(12);
  });

  it('does not fail a case on a machine too busy to tell, and says why', () => {
    const busy = { ...quiet, threadShare: 0.6, otherCpuCores: 1.4, loadAverage: 3.2 };
    const medians = [9.0, 9.2, 9.1];
    expect(look(processesOf(medians)).status).toBe('fail');
    const result = look(processesOf(medians, { noise: busy }));
    expect(result.status).toBe('undecided');
    expect(result.reason).toContain(
      'over the budget of 8, but the interference measured could explain it',
    );
    expect(result.reason).toContain('descheduled 40.0%');
    expect(result.noise.descheduledPercent).toBeCloseTo(40, 9);
    expect(result.noise.otherCpuCores).toBeCloseTo(1.4, 9);
    expect(result.noise.loadAverage).toBe(3.2);
    expect(result.noise.slowdown).toBeCloseTo(1 / 0.6, 9);
  });

  it('still passes on a busy machine: interference only adds time', () => {
    const busy = { ...quiet, threadShare: 0.5, stealFraction: 0.2 };
    expect(look(processesOf([5.0, 5.1, 4.9], { noise: busy })).status).toBe('pass');
  });
});

describe("the gate's status over its cases", () => {
  it('fails if any case failed, passes only if all passed, else is inconclusive', () => {
    expect(gateStatusOf(['pass', 'pass'])).toBe('pass');
    expect(gateStatusOf(['pass', 'fail', 'inconclusive'])).toBe('fail');
    expect(gateStatusOf(['pass', 'inconclusive'])).toBe('inconclusive');
    expect(gateStatusOf([])).toBe('inconclusive');
  });
});

/**
 * A fixed-seed generator of normal deviates (mulberry32, then Box–Muller): the same runs every
 * time. (A plain linear congruential generator fed to Box–Muller in pairs gives visibly
 * correlated deviates.)
 */
function normals(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return (((mixed ^ (mixed >>> 14)) >>> 0) + 0.5) / 4_294_967_296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * The sequential loop on synthetic process medians drawn around `centre` with 5% spread (about
 * what this machine shows between processes): the status it ends with and the processes it took.
 */
function simulate(centre: number, runs: number, seed: number) {
  const draw = normals(seed);
  const counts = { pass: 0, fail: 0, undecided: 0, atFirstLook: 0 };
  for (let run = 0; run < runs; run += 1) {
    const medians: number[] = [];
    let status: 'pass' | 'fail' | 'undecided' = 'undecided';
    while (status === 'undecided' && medians.length < settings.maxProcesses) {
      medians.push(centre * (1 + 0.05 * draw()));
      status = look(processesOf(medians)).status;
    }
    counts[status] += 1;
    if (status !== 'undecided' && medians.length === settings.minProcesses) counts.atFirstLook += 1;
  }
  return counts;
}

describe('the sequential decision, on synthetic runs (fixed seed)', () => {
  it('rarely passes or fails a case whose median sits on the budget, for all its looks', () => {
    // Each way the rule allows 2.5%; looking after every process at 99.375% stays within it
    // (estimated over 2,000 runs, ± 0.35%). Looking at 95% each time would be about 10% each way.
    const runs = 2000;
    const counts = simulate(8, runs, 0x5eed);
    expect(counts.pass / runs).toBeLessThan(0.03);
    expect(counts.fail / runs).toBeLessThan(0.03);
    expect(counts.undecided / runs).toBeGreaterThan(0.9);
  });

  it('passes a case at 4.7 ticks against 8 every time, almost always at the first look', () => {
    const counts = simulate(4.7, 400, 7);
    expect(counts.pass).toBe(400);
    expect(counts.atFirstLook / 400).toBeGreaterThan(0.9);
  });

  it('fails a case 30% over its budget every time', () => {
    expect(simulate(10.4, 400, 11).fail).toBe(400);
  });
});
