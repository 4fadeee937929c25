export { buildDocument, type DocumentInput } from './build.ts';
export { gateResultOf } from './gate.ts';
export { formatBenchTable } from './table.ts';
export type {
  BenchBudget,
  BenchDocument,
  BenchFailure,
  BenchProfile,
  BenchRatioResult,
  BenchResult,
  BenchVerdict,
  GateCaseResult,
  GateResult,
  IntervalFigures,
  PerOpFigures,
  ProcessNoise,
} from './types.ts';
