/** Session: one live check from start to verdict, in listen mode, run mode or from a file. */
export { runLiveCheck } from './run.ts';
export type * from './options.ts';
export { failureReasons, type VerdictRules } from './verdict.ts';
