export { runStep } from './run-step.ts';
export { vitestArguments, type VitestArgumentsOptions } from './vitest.ts';
export type {
  CaseMedian,
  CaseRatio,
  CoverageFigures,
  Finding,
  FindingExemption,
  Spread,
  StepContext,
  StepDetails,
  StepOutcome,
  StepStatus,
  SubCheck,
  TestCounts,
  GatedTickFigures,
  HotSpot,
  TickDecision,
  TickFigures,
  TickInterval,
  TickNoise,
  TickProfile,
} from './types.ts';
