export { runStep } from './run-step.ts';
export type {
  Finding,
  Spread,
  StepContext,
  StepDetails,
  StepOutcome,
  StepStatus,
  SubCheck,
  TestCounts,
  TickFigures,
} from './types.ts';
