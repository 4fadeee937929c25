/**
 * The tick benchmark: a suite file's cases, each measured with mitata in its own process, turned
 * into nanoseconds and ticks per operation (`../shared/docs/ticks.md`), with ratios between cases
 * and a budget for one gated case.
 */
export { runBench, type BenchOptions, type BenchOutcome } from './run-bench.ts';
export { BenchSetupError, type BenchSetupErrorCode } from './errors.ts';
export {
  buildDocument,
  formatBenchTable,
  type BenchBudget,
  type BenchDocument,
  type BenchResult,
  type BenchVerdict,
} from './document/index.ts';
export {
  parseCpuinfoGhz,
  parseGhzOverride,
  parseTscKhzGhz,
  resolveTickFrequency,
  tickGhzVariable,
  type FrequencySources,
  type TickFrequency,
} from './frequency/index.ts';
export { measureCase, mergeRounds, type CaseMeasurement } from './measure/index.ts';
export {
  defineSuite,
  loadSuite,
  validateSuite,
  type BenchCase,
  type BenchCaseRun,
  type BenchRatio,
  type BenchSuite,
  type BenchTiming,
} from './suite/index.ts';
