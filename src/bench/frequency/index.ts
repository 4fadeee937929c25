export { hasConstantTsc, parseCpuinfoGhz, parseGhzOverride, parseTscKhzGhz } from './parse.ts';
export {
  cpuinfoPath,
  resolveTickFrequency,
  tickGhzFlag,
  tickGhzVariable,
  tscKhzPath,
  type FrequencySources,
  type TickFrequency,
} from './resolve.ts';
