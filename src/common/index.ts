export {
  AtomicWriteError,
  writeFileAtomic,
  type AtomicWriteErrorKind,
  type AtomicWriteOptions,
} from './atomic-write.ts';
export { errnoCode, errnoCodeOf } from './errno.ts';
export { KILL_GRACE_MS, signalProcessGroup, stopProcessGroup } from './process-group.ts';
