export { buildReport, type BuildReportInput } from './build.ts';
export { certifyVersion, describeEnvironment } from './environment.ts';
export { renderJUnit } from './junit.ts';
export { renderMarkdown } from './markdown.ts';
export {
  CERTIFICATION_PREDICATE_TYPE,
  type CertificationReport,
  type Environment,
  type GitSummary,
  type ReportStep,
  type ReportTier,
  type RunOptions,
  type Signer,
  type Verdict,
} from './types.ts';
export {
  certificationPredicate,
  validateCertificationReport,
  type ReportValidation,
} from './validate.ts';
export {
  appendStepSummary,
  removeReports,
  reportFileNames,
  reportJson,
  tickProfileFile,
  writeReportFiles,
  type WrittenReport,
} from './write.ts';
