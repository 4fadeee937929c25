import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { schemaErrors } from '../../src/registry/structure/index.ts';
import { readYamlFile } from '../../src/yaml/index.ts';
import { describeWithShared, sharedPath } from '../support/shared.ts';

/**
 * Weaver's own JSON Schemas (../shared/weaver, used here as an oracle only) against certify's,
 * file by file: both must accept or both refuse, except where certify means to differ. Weaver
 * removes `file_format`/`version` before validating a definition/1 file, so this does too.
 */
const intendedDisagreements: Readonly<Record<string, string>> = {
  // Weaver's schema leaves attribute entries open; its deserializer refuses unknown fields.
  'unknown-attribute-key/registry.yaml': 'certify refuses an unknown attribute key, as Weaver does',
  // Weaver's schema does not describe `deprecated` on attributes; its deserializer requires a reason.
  'deprecated-without-reason/registry.yaml': 'certify requires `reason` in a deprecated object',
  'deprecated-renamed-without-target/registry.yaml':
    'certify requires `renamed_to` for reason renamed',
  // Requirements that depend on the group type are the rules stage's (with Weaver's ids): the
  // schema accepts these files and the rules report them.
  'attribute-missing-stability/registry.yaml': 'InvalidAttributeWarning, from the rules stage',
  'attribute-stability-deprecated/registry.yaml': 'InvalidAttribute, from the rules stage',
  'group-stability-deprecated/registry.yaml': 'InvalidGroupStability, from the rules stage',
  'missing-group-stability/registry.yaml': 'InvalidGroupStability, from the rules stage',
  'missing-group-type/registry.yaml': 'InvalidGroupMissingType, from the rules stage',
  'missing-span-kind/registry.yaml': 'InvalidSpanMissingSpanKind, from the rules stage',
  'event-missing-name/registry.yaml': 'InvalidGroup, from the rules stage',
  'no-attributes-or-extends/registry.yaml':
    'InvalidGroupMissingExtendsOrAttributes, from the rules stage',
  'enum-member-without-stability/registry.yaml': 'InvalidAttributeWarning, from the rules stage',
  'allow-custom-values/registry.yaml': 'InvalidAttributeAllowCustomValues, from the rules stage',
  'body-without-stability/registry.yaml': 'InvalidAnyValue, from the rules stage',
  // The official registry passes Weaver itself, though not Weaver's published schema:
  'official:k8s/registry.yaml': '`stability: experimental`, which Weaver reads as development',
  'official:gen-ai/deprecated/events-deprecated.yaml':
    'body field type `map[]`, which Weaver accepts',
};

interface Verdicts {
  readonly weaver: boolean;
  readonly certify: boolean;
}

function schemaFrom(file: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(sharedPath('weaver', file), 'utf8')) as object;
  return new Ajv2020({ strict: false }).compile(schema);
}

async function verdictsIn(
  root: string,
  prefix: string,
  weaverV1: ValidateFunction,
  weaverV2: ValidateFunction,
): Promise<Map<string, Verdicts>> {
  const verdicts = new Map<string, Verdicts>();
  const files = readdirSync(root, { recursive: true })
    .map(String)
    .filter((file) => /\.ya?ml$/.test(file) && !file.endsWith('manifest.yaml'))
    .sort();
  for (const file of files) {
    const read = await readYamlFile(join(root, file));
    if (!read.ok) continue; // not YAML at all: no schema verdict to compare
    const value = read.document.value as Record<string, unknown>;
    const { file_format: format, version, ...cleaned } = value;
    const declared =
      format ?? (version === undefined ? 'definition/1' : `definition/${JSON.stringify(version)}`);
    if (declared !== 'definition/1' && declared !== 'definition/2') continue;
    const isV2 = declared === 'definition/2';
    verdicts.set(`${prefix}${file}`, {
      weaver: isV2 ? weaverV2(value) : weaverV1(cleaned),
      certify: schemaErrors(isV2 ? 2 : 1, value).length === 0,
    });
  }
  return verdicts;
}

describeWithShared("certify's schemas against Weaver's", () => {
  it('agree on every fixture and official registry file, except the intended differences', async () => {
    const weaverV1 = schemaFrom('semconv.schema.json');
    const weaverV2 = schemaFrom('semconv.schema.v2.json');
    const verdicts = new Map([
      ...(await verdictsIn(resolve(import.meta.dirname, 'fixtures'), '', weaverV1, weaverV2)),
      ...(await verdictsIn(sharedPath('semconv/model'), 'official:', weaverV1, weaverV2)),
    ]);
    const disagreements = [...verdicts]
      .filter(([, verdict]) => verdict.weaver !== verdict.certify)
      .map(([file]) => file)
      .sort();
    expect(disagreements).toEqual(Object.keys(intendedDisagreements).sort());
    // Both sides judge plenty of files, valid and invalid, so agreement means something.
    const judged = [...verdicts.values()];
    expect(judged.length).toBeGreaterThan(280);
    expect(
      judged.filter((verdict) => !verdict.weaver && !verdict.certify).length,
    ).toBeGreaterThanOrEqual(8);
  });
});
