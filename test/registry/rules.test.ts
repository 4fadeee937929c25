import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectIds, weaverIds } from '../../src/registry/diagnostic/index.ts';
import { checkRegistry, type RegistryCheckResult } from '../../src/registry/index.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures');

/**
 * One registry per rule: every diagnostic it must produce, as `level id file:line:column`
 * (file relative to the fixture). Fixtures named `policy-…` are checked with -p builtin:otel.
 */
const expected: Readonly<Record<string, readonly string[]>> = {
  'allow-custom-values': ['warning InvalidAttributeAllowCustomValues registry.yaml:12:11'],
  'attribute-missing-brief': ['error InvalidAttribute registry.yaml:10:9'],
  'attribute-missing-stability': ['warning InvalidAttributeWarning registry.yaml:10:9'],
  'attribute-stability-deprecated': ['error InvalidAttribute registry.yaml:8:20'],
  'body-without-stability': ['warning InvalidAnyValue registry.yaml:16:7'],
  'constraints-include': [
    'warning InvalidGroupUsesConstraints registry.yaml:18:7',
    'error UnresolvedIncludeRef registry.yaml:18:18',
  ],
  'definition-2': ['warning UnstableFileFormat registry.yaml:1:14'],
  'definition-2-unknown-key': [
    'warning UnstableFileFormat registry.yaml:1:14',
    'error InvalidSemConvSpec registry.yaml:14:5',
  ],
  'deprecated-plain-text': ['error UnstructuredDeprecatedProperty registry.yaml:10:21'],
  'deprecated-renamed-without-target': ['error InvalidSemConvSpec registry.yaml:11:11'],
  'deprecated-version-field': ['warning DeprecatedVersionField registry.yaml:1:1'],
  'deprecated-without-reason': ['error InvalidSemConvSpec registry.yaml:11:11'],
  'duplicate-attribute-id': ['error DuplicateAttributeId registry.yaml:6:9'],
  'duplicate-group-id': ['error DuplicateGroupId spans.yaml:2:9'],
  'duplicate-metric-name': ['error DuplicateMetricName registry.yaml:19:18'],
  'duplicate-ref-in-group': ['error InvalidGroupDuplicateAttributeRef registry.yaml:17:14'],
  'enum-member-without-stability': ['warning InvalidAttributeWarning registry.yaml:16:15'],
  'event-missing-name': ['error InvalidGroup registry.yaml:10:5'],
  'examples-of-wrong-type': ['warning InvalidExampleWarning registry.yaml:14:19'],
  'extends-cycle': ['error ExtendsCycle registry.yaml:17:14'],
  'group-stability-deprecated': ['error InvalidGroupStability registry.yaml:13:16'],
  'include-cycle': [
    'warning InvalidGroupUsesConstraints registry.yaml:11:7',
    'warning InvalidGroupUsesConstraints registry.yaml:18:7',
    'error IncludeCycle registry.yaml:18:18',
  ],
  'invalid-attribute-type': ['error InvalidSemConvSpec registry.yaml:7:15'],
  'invalid-file-format': ['error InvalidFileFormat registry.yaml:1:14'],
  'invalid-requirement-level': ['error InvalidSemConvSpec registry.yaml:17:28'],
  'invalid-stability-value': ['error InvalidSemConvSpec registry.yaml:8:20'],
  'manifest-not-a-mapping': ['error InvalidRegistryManifest manifest.yaml:1:1'],
  'metric-missing-unit': ['error InvalidMetric registry.yaml:10:5'],
  'missing-group-brief': ['error InvalidSemConvSpec registry.yaml:2:5'],
  'missing-group-stability': ['error InvalidGroupStability registry.yaml:10:5'],
  'missing-group-type': ['error InvalidGroupMissingType registry.yaml:2:5'],
  'missing-span-kind': ['error InvalidSpanMissingSpanKind registry.yaml:10:5'],
  'no-attributes-or-extends': ['error InvalidGroupMissingExtendsOrAttributes registry.yaml:10:5'],
  'not-yaml': ['error DeserializationError registry.yaml:10:18'],
  'policy-event-id': ['error invalid_event_id registry.yaml:10:5'],
  'policy-invalid-format': ['error invalid_format registry.yaml:10:9'],
  'policy-metric-id': ['error invalid_metric_id registry.yaml:10:5'],
  'policy-missing-namespace': ['error missing_namespace registry.yaml:10:9'],
  'policy-span-id': ['error invalid_span_id registry.yaml:10:5'],
  prefix: ['error InvalidGroupUsesPrefix registry.yaml:4:13'],
  'rego-in-registry': ['warning RegoPolicyNotRun policies/naming.rego:1:1'],
  'span-kind-outside-span': ['error InvalidGroup registry.yaml:15:16'],
  'string-without-examples': ['warning InvalidExampleWarning registry.yaml:10:9'],
  'top-level-list': ['error DeserializationError registry.yaml:1:1'],
  'tutorial-nested-spans': [
    'error InvalidGroupStability registry.yaml:3:5',
    'error InvalidSpanMissingSpanKind registry.yaml:3:5',
    'error InvalidSemConvSpec registry.yaml:11:5',
  ],
  'unknown-attribute-key': ['error InvalidSemConvSpec registry.yaml:14:9'],
  'unknown-enum-member-key': ['error InvalidSemConvSpec registry.yaml:16:15'],
  'unknown-top-level-key': ['error InvalidSemConvSpec registry.yaml:10:1'],
  'unmatched-import': ['error UnmatchedImport registry.yaml:12:7'],
  'unresolved-attribute-ref': ['error UnresolvedAttributeRef registry.yaml:16:14'],
  'unresolved-extends': ['error UnresolvedExtendsRef registry.yaml:15:14'],
  'valid-shop': [],
  'wrong-value-type': ['error InvalidSemConvSpec registry.yaml:4:12'],
};

async function check(
  name: string,
  future = false,
): Promise<Extract<RegistryCheckResult, { kind: 'checked' }>> {
  const result = await checkRegistry({
    registry: join(fixtures, name),
    engine: 'builtin',
    future,
    policies: name.startsWith('policy-') ? ['builtin:otel'] : [],
  });
  if (result.kind !== 'checked') throw new Error(`${name}: ${result.message}`);
  return result;
}

function rendered(
  name: string,
  result: Extract<RegistryCheckResult, { kind: 'checked' }>,
): string[] {
  return result.diagnostics.map((diagnostic) => {
    const location = diagnostic.location;
    const file = location?.file.slice(join(fixtures, name).length + 1);
    return `${diagnostic.level} ${diagnostic.id} ${file ?? '?'}:${location?.line ?? 0}:${location?.column ?? 0}`;
  });
}

describe('one fixture registry per rule', () => {
  it.each(Object.entries(expected))('%s', async (name, diagnostics) => {
    const result = await check(name);
    expect(rendered(name, result)).toEqual(diagnostics);
    expect(result.passed).toBe(!diagnostics.some((line) => line.startsWith('error')));
  });

  it('has an expectation for every fixture folder, and at least 25 rules', () => {
    const folders = readdirSync(fixtures, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(Object.keys(expected).sort());
    expect(folders.length).toBeGreaterThanOrEqual(25);
  });

  it('covers every diagnostic id the built-in engine can produce', () => {
    const seen = new Set(
      Object.values(expected).flatMap((lines) => lines.map((line) => line.split(' ')[1])),
    );
    expect([...weaverIds, ...projectIds].filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe('what the diagnostics say', () => {
  it('fails the seed tutorial registry, naming spans, span_kind and stability', async () => {
    const result = await check('tutorial-nested-spans');
    const messages = result.diagnostics.map((diagnostic) => diagnostic.message);
    expect(messages).toEqual([
      expect.stringContaining('has no `stability`'),
      expect.stringContaining('has no `span_kind`'),
      expect.stringContaining('unknown key "spans" in groups[0]'),
    ]);
    expect(result.diagnostics.every((diagnostic) => diagnostic.group === 'activity_log')).toBe(
      true,
    );
    expect(result.passed).toBe(false);
  });

  it('names the group and attribute concerned', async () => {
    const [diagnostic] = (await check('unresolved-attribute-ref')).diagnostics;
    expect([diagnostic?.group, diagnostic?.attribute]).toEqual([
      'span.shop.checkout.server',
      'shop.order.idd',
    ]);
    expect(diagnostic?.message).toContain('"shop.order.idd"');
  });

  it('says which cycle a circular extends forms', async () => {
    const [diagnostic] = (await check('extends-cycle')).diagnostics;
    expect(diagnostic?.message).toContain(
      'attributes.shop.a → attributes.shop.b → attributes.shop.a',
    );
  });

  it('turns warnings into errors with --future, as Weaver does', async () => {
    const relaxed = await check('string-without-examples');
    const strict = await check('string-without-examples', true);
    expect([relaxed.passed, relaxed.counts]).toEqual([true, { errors: 0, warnings: 1 }]);
    expect([strict.passed, strict.counts]).toEqual([false, { errors: 1, warnings: 0 }]);
  });
});
