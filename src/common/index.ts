export {
  AtomicWriteError,
  writeFileAtomic,
  type AtomicWriteErrorKind,
  type AtomicWriteOptions,
} from './atomic-write.ts';
export { errnoCode, errnoCodeOf } from './errno.ts';
export {
  createTail,
  runProcess,
  startProcess,
  type ProcessOptions,
  type ProcessOutput,
  type ProcessResult,
  type RunningProcess,
} from './process.ts';
export { compareText } from './compare-text.ts';
export { plural } from './plural.ts';
