export { loadSuite, type LoadedSuite } from './load.ts';
export { validateSuite } from './validate.ts';
export {
  defaultTiming,
  defineSuite,
  type BenchCase,
  type BenchCaseRun,
  type BenchRatio,
  type BenchSuite,
  type BenchTiming,
} from './types.ts';
