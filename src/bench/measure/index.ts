export {
  measureCase,
  type CaseMeasurement,
  type MeasureOptions,
  type PhaseTimes,
  type WarmupReport,
} from './measure-case.ts';
export { measureInChild } from './spawn-case.ts';
export type { CaseRequest } from './protocol.ts';
export type { GuardReport } from './guard.ts';
export type { ProfileRequest } from './profile.ts';
export { figuresOf, type SampleFigures } from './sample.ts';
export { mergeRounds, type PooledMeasurement } from './merge.ts';
