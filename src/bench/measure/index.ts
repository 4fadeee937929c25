export { measureCase, type CaseMeasurement, type WarmupReport } from './measure-case.ts';
export { measureInChild } from './spawn-case.ts';
export type { CaseRequest } from './protocol.ts';
export type { GuardReport } from './guard.ts';
export type { SampleFigures } from './sample.ts';
export { mergeRounds } from './merge.ts';
