import type { AttributeValueType, SampleAttribute } from '../sample/index.ts';
import { deprecationText, finding, type Finding, type SignalRef } from './finding.ts';
import { attributeNameFindings } from './naming.ts';
import type { PrimitiveType, ResolvedAttribute } from '../../registry/index.ts';
import type { RegistryIndex } from './registry-index.ts';

/** What one attribute sample is, measured against the registry. */
export interface AttributeVerdict {
  /** The registry attribute (or template) it counts as, undefined when the registry lacks it. */
  readonly registryName: string | undefined;
  readonly findings: readonly Finding[];
}

export function findRegistryAttribute(
  index: RegistryIndex,
  name: string,
): ResolvedAttribute | undefined {
  const exact = index.attributes.get(name);
  if (exact !== undefined && exact.type.kind !== 'template') return exact;
  return index.templates.find((template) => name.startsWith(template.id));
}

/**
 * A sample's type fits the registry's when equal, when the registry says `any`, or for a whole
 * number where a double is expected: OpenTelemetry JS sends an integral JS number as an int.
 */
function typeFits(sample: AttributeValueType, expected: PrimitiveType): boolean {
  if (expected === 'any' || sample === expected) return true;
  return (
    (expected === 'double' && sample === 'int') || (expected === 'double[]' && sample === 'int[]')
  );
}

function typeFindings(
  sample: SampleAttribute,
  definition: ResolvedAttribute,
  signal: SignalRef,
): Finding[] {
  const received = sample.type;
  if (received === undefined) return [];
  const context = { attribute_name: sample.name, attribute_type: received };
  const { type } = definition;
  if (type.kind !== 'enum') {
    if (typeFits(received, type.primitive)) return [];
    const message = `Attribute '${sample.name}' has type '${received}'; the registry says '${type.primitive}'.`;
    return [finding('type_mismatch', signal, message, { ...context, expected: type.primitive })];
  }
  if (received !== 'string' && received !== 'int') {
    const message = `Enum attribute '${sample.name}' has type '${received}'; an enum value is a string or an int.`;
    return [finding('type_mismatch', signal, message, context)];
  }
  if (type.members.some((member) => member.value === sample.value)) return [];
  const message = `Attribute '${sample.name}' has the value ${JSON.stringify(sample.value)}, which is not a member of its enum.`;
  return [
    finding('undefined_enum_variant', signal, message, {
      attribute_name: sample.name,
      attribute_value: sample.value,
    }),
  ];
}

function definitionFindings(
  sample: SampleAttribute,
  definition: ResolvedAttribute,
  signal: SignalRef,
): Finding[] {
  const findings: Finding[] = [];
  const context = { attribute_name: sample.name };
  if (definition.type.kind === 'template') {
    findings.push(
      finding(
        'template_attribute',
        signal,
        `Attribute '${sample.name}' matches the template '${definition.id}'.`,
        { ...context, template: definition.id },
      ),
    );
  }
  if (definition.deprecated !== undefined) {
    const { reason } = definition.deprecated;
    findings.push(
      finding(
        'deprecated',
        signal,
        `Attribute '${definition.id}' is deprecated (${deprecationText(definition.deprecated)}).`,
        { ...context, deprecation: reason },
      ),
    );
  }
  if (definition.stability !== undefined && definition.stability !== 'stable') {
    findings.push(
      finding(
        'not_stable',
        signal,
        `Attribute '${definition.id}' is not stable (stability: ${definition.stability}).`,
        { ...context, stability: definition.stability },
      ),
    );
  }
  findings.push(...typeFindings(sample, definition, signal));
  return findings;
}

export function checkAttribute(
  index: RegistryIndex,
  sample: SampleAttribute,
  signal: SignalRef,
): AttributeVerdict {
  const definition = findRegistryAttribute(index, sample.name);
  const findings =
    definition === undefined
      ? [
          finding(
            'missing_attribute',
            signal,
            `Attribute '${sample.name}' is not defined in the registry.`,
            { attribute_name: sample.name },
          ),
        ]
      : definitionFindings(sample, definition, signal);
  findings.push(...attributeNameFindings(index, sample.name, signal));
  return { registryName: definition?.id, findings };
}

/** Whether an attribute's checks depend on its value (enums), not only on its name and type. */
export function dependsOnValue(index: RegistryIndex, name: string): boolean {
  return findRegistryAttribute(index, name)?.type.kind === 'enum';
}
