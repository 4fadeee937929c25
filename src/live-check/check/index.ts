/** Checks: samples measured against a registry, giving Weaver-compatible findings. */
export { LiveChecker, type CheckObserver, type CoverageCategory } from './checker.ts';
export {
  defaultLevels,
  findingLevels,
  highestLevel,
  type Finding,
  type FindingId,
  type FindingLevel,
  type SignalType,
} from './finding.ts';
export type * from './registry.ts';
export { spanNameOf, type CoverageUniverse, type RegistryIndex } from './registry-index.ts';
