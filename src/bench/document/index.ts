export { buildDocument, type DocumentInput } from './build.ts';
export { formatBenchTable } from './table.ts';
export type {
  BenchBudget,
  BenchDocument,
  BenchFailure,
  BenchRatioResult,
  BenchResult,
  BenchVerdict,
  BudgetVerdict,
  PerOpFigures,
} from './types.ts';
