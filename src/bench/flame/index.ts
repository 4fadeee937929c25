export {
  CpuProfileError,
  parseCpuProfile,
  type CpuProfile,
  type ProfileCallFrame,
  type ProfileNode,
} from './cpu-profile.ts';
export {
  callTreeOf,
  frameLocation,
  hottestFunctions,
  isPseudoFrame,
  subtreesWhere,
  type CallTreeNode,
  type HotFunction,
} from './call-tree.ts';
export { renderFlameGraph, type FlameGraphOptions } from './flame-svg.ts';
