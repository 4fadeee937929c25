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
export {
  spanNameOf,
  type CoverageUniverse,
  type RegistryIndex,
  type SignalGroup,
} from './registry-index.ts';
