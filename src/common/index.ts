export {
  AtomicWriteError,
  writeFileAtomic,
  type AtomicWriteErrorKind,
  type AtomicWriteOptions,
} from './atomic-write.ts';
