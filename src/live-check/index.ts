/**
 * `certify registry live-check`, as a library: the pipeline's Tier 1 step calls `runLiveCheck`
 * in-process; the command line is a thin layer over it.
 *
 * Stages: receiver (OTLP/gRPC, OTLP/HTTP, stdin/file) → otlp (decode) → sample → check (against
 * the registry) → report (statistics, ANSI, JSON); session runs them and decides the verdict.
 */
export {
  defaultLevels,
  findingLevels,
  type Finding,
  type FindingId,
  type FindingLevel,
} from './check/index.ts';
export {
  findingLine,
  reportFileName,
  reportJson,
  summaryText,
  writeReportFile,
  type LiveCheckReport,
  type LiveCheckStatistics,
} from './report/index.ts';
export {
  runLiveCheck,
  type BoundPorts,
  type InputSource,
  type LiveCheckDocument,
  type LiveCheckError,
  type LiveCheckOptions,
  type LiveCheckResult,
  type StopReason,
} from './session/index.ts';
