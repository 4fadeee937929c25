/**
 * The tick benchmark: a suite file's cases, each measured with mitata in fresh processes, turned
 * into nanoseconds and ticks per operation (`../shared/docs/ticks.md`), with ratios between cases
 * and a statistical gate holding the gated cases to a budget.
 */
export {
  defaultGateOptions,
  runBench,
  type BenchOptions,
  type BenchOutcome,
  type GateOptions,
} from './run-bench.ts';
export { BenchSetupError, type BenchSetupErrorCode } from './errors.ts';
export {
  buildDocument,
  formatBenchTable,
  gateResultOf,
  type BenchBudget,
  type BenchDocument,
  type BenchProfile,
  type BenchResult,
  type BenchVerdict,
  type GateCaseResult,
  type GateResult,
  type IntervalFigures,
} from './document/index.ts';
export {
  defaultGateSettings,
  describeRule,
  gateStatusOf,
  lookAt,
  perLookLevel,
  studentTQuantile,
  trimmedMeanInterval,
  type CaseLook,
  type ConfidenceInterval,
  type GateSettings,
  type GateStatus,
  type NoiseSummary,
  type ProcessFigures,
} from './decision/index.ts';
export {
  callTreeOf,
  hottestFunctions,
  parseCpuProfile,
  renderFlameGraph,
  subtreesWhere,
  type CallTreeNode,
  type HotFunction,
} from './flame/index.ts';
export { runGate, type GateOutcome, type MeasureProcess } from './gate/index.ts';
export {
  noiseWindow,
  parseProcStat,
  parseThreadCpuTicks,
  type NoiseReading,
  type NoiseWindow,
} from './noise/index.ts';
export { profileFileBase } from './profile-case.ts';
export {
  parseCpuinfoGhz,
  parseGhzOverride,
  parseTscKhzGhz,
  resolveTickFrequency,
  tickGhzVariable,
  type FrequencySources,
  type TickFrequency,
} from './frequency/index.ts';
export {
  measureCase,
  measureInChild,
  mergeRounds,
  type CaseMeasurement,
  type PooledMeasurement,
} from './measure/index.ts';
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
