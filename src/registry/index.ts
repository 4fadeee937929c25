/**
 * certify's Weaver-compatible registry check: `checkRegistry` (what `certify registry check`
 * runs) and `loadResolvedRegistry` (the resolved registry, for live-check and other stages).
 */
export {
  checkRegistry,
  loadResolvedRegistry,
  type EngineChoice,
  type LoadResolvedRegistryResult,
  type RegistryCheckOptions,
  type RegistryCheckResult,
} from './api.ts';
export {
  diagnosticFormats,
  formatAnsi,
  formatGithub,
  formatJson,
  summaryLine,
  type Diagnostic,
  type DiagnosticCounts,
  type DiagnosticFormat,
  type DiagnosticLevel,
  type JsonFinding,
} from './diagnostic/index.ts';
export type {
  ExampleValue,
  ResolvedAttribute,
  ResolvedAttributeGroup,
  ResolvedEntityGroup,
  ResolvedEventGroup,
  ResolvedGroup,
  ResolvedMetricGroup,
  ResolvedRegistry,
  ResolvedSpanGroup,
} from './resolve/index.ts';
export type {
  AttributeType,
  Deprecation,
  EnumMember,
  Instrument,
  PrimitiveType,
  RequirementLevel,
  SpanKind,
  Stability,
} from './semconv/index.ts';
