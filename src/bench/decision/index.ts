export { studentTCdf, studentTQuantile } from './student-t.ts';
export { trimFraction, trimmedMeanInterval, type ConfidenceInterval } from './interval.ts';
export { median, quantileOfSorted, relativeIqr } from './spread.ts';
export {
  describeNoise,
  slowdownOf,
  summariseNoise,
  type NoiseSummary,
  type ProcessFigures,
} from './noise-summary.ts';
export {
  defaultGateSettings,
  describeInterval,
  describeRule,
  gateStatusOf,
  lookAt,
  looksOf,
  perLookLevel,
  type CaseLook,
  type GateSettings,
  type GateStatus,
  type LookInput,
  type LookStatus,
} from './rule.ts';
