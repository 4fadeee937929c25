export {
  AtomicWriteError,
  writeFileAtomic,
  type AtomicWriteErrorKind,
  type AtomicWriteOptions,
} from './atomic-write.ts';
export { errnoCode, errnoCodeOf } from './errno.ts';
export { signalProcessGroup, stopProcessGroup } from './process-group.ts';
export { compareText } from './compare-text.ts';
export { plural } from './plural.ts';
