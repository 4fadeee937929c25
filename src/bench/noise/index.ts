export { parseProcStat, parseThreadCpuTicks, type CpuTimes } from './parse.ts';
export {
  clockTicksPerSecond,
  noiseWindow,
  readNoise,
  type NoiseReading,
  type NoiseWindow,
} from './probe.ts';
