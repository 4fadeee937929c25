export {
  runGate,
  type GateCaseOutcome,
  type GateOutcome,
  type GateRunOptions,
  type GateStop,
  type MeasureProcess,
} from './run-gate.ts';
export { processFiguresOf } from './process-figures.ts';
