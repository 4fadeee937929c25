export {
  countDiagnostics,
  promoteWarnings,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCounts,
  type DiagnosticLevel,
} from './model.ts';
export { projectIds, weaverIds, type BuiltinDiagnosticId } from './ids.ts';
export {
  diagnosticFormats,
  formatAnsi,
  formatGithub,
  formatJson,
  summaryLine,
  toJsonFinding,
  type DiagnosticFormat,
  type JsonFinding,
  type SummaryFacts,
} from './formats.ts';
