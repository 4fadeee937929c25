/**
 * Diagnostic ids. Where Weaver has a name for a problem, the id is Weaver's (the Rust error
 * variant in its `weaver_semconv` and `weaver_resolver` crates, which is also the key of that
 * error in `weaver registry check --diagnostic-format json`). The policy findings use the
 * snake_case ids of Weaver's policy findings. The ids in `projectIds` are certify's own: Weaver
 * reports those problems differently or not at all (docs/registry-check.md lists why).
 */
export const weaverIds = [
  'DeserializationError',
  'InvalidSemConvSpec',
  'InvalidFileFormat',
  'UnstableFileFormat',
  'DeprecatedVersionField',
  'InvalidRegistryManifest',
  'InvalidGroup',
  'InvalidGroupStability',
  'InvalidGroupMissingType',
  'InvalidGroupMissingExtendsOrAttributes',
  'InvalidSpanMissingSpanKind',
  'InvalidMetric',
  'InvalidGroupUsesPrefix',
  'InvalidGroupUsesConstraints',
  'InvalidGroupDuplicateAttributeRef',
  'InvalidAttribute',
  'InvalidAttributeWarning',
  'InvalidAttributeAllowCustomValues',
  'InvalidExampleWarning',
  'UnstructuredDeprecatedProperty',
  'InvalidAnyValue',
  'UnresolvedAttributeRef',
  'UnresolvedExtendsRef',
  'UnresolvedIncludeRef',
  'DuplicateGroupId',
  'DuplicateMetricName',
  'DuplicateAttributeId',
  'UnmatchedImport',
  'invalid_format',
  'missing_namespace',
] as const;

export const projectIds = [
  'ExtendsCycle',
  'IncludeCycle',
  'RegoPolicyNotRun',
  'invalid_metric_id',
  'invalid_event_id',
  'invalid_span_id',
] as const;

export type BuiltinDiagnosticId = (typeof weaverIds)[number] | (typeof projectIds)[number];
