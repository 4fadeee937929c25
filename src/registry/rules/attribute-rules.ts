import type { PrimitiveType } from '../semconv/index.ts';
import type { SpecAttribute, SpecAttributeDefinition } from '../structure/index.ts';
import type { Finding } from './report.ts';

/** The attribute rules of Weaver's `GroupSpec::validate` for definition/1 attribute entries. */
type AttributeRule = (attribute: SpecAttributeDefinition, group: string) => Finding[];

function finding(
  attribute: SpecAttribute,
  id: Finding['id'],
  level: Finding['level'],
  message: string,
  key?: string,
): Finding {
  const name = attribute.kind === 'definition' ? attribute.id : attribute.ref;
  return {
    id,
    level,
    message,
    place: attribute.place,
    attribute: name,
    ...(key === undefined ? {} : { key }),
  };
}

const briefRequired: AttributeRule = (attribute, group) =>
  !attribute.present.has('brief') && !attribute.present.has('deprecated')
    ? [
        finding(
          attribute,
          'InvalidAttribute',
          'error',
          `attribute "${attribute.id}" in group ${group} has no \`brief\`; describe it in one sentence (only deprecated attributes may omit it)`,
        ),
      ]
    : [];

const stabilityGiven: AttributeRule = (attribute, group) => {
  if (attribute.stability === 'deprecated') {
    return [
      finding(
        attribute,
        'InvalidAttribute',
        'error',
        `attribute "${attribute.id}" in group ${group} has \`stability: deprecated\`, which is not a stability level; keep its stability and add \`deprecated: {reason: …}\``,
        'stability',
      ),
    ];
  }
  if (attribute.present.has('stability')) return [];
  return [
    finding(
      attribute,
      'InvalidAttributeWarning',
      'warning',
      `attribute "${attribute.id}" in group ${group} has no \`stability\``,
    ),
  ];
};

const memberStability: AttributeRule = (attribute, group) =>
  attribute.membersWithoutStability.map((member) => ({
    ...finding(
      attribute,
      'InvalidAttributeWarning',
      'warning',
      `enum member "${member.id}" of attribute "${attribute.id}" in group ${group} has no \`stability\``,
    ),
    place: { ...attribute.place, path: [...attribute.place.path, 'type', 'members', member.index] },
  }));

const noCustomValuesFlag: AttributeRule = (attribute, group) =>
  attribute.allowCustomValues
    ? [
        finding(
          attribute,
          'InvalidAttributeAllowCustomValues',
          'warning',
          `attribute "${attribute.id}" in group ${group} uses \`allow_custom_values\`, which is no longer used; remove it`,
          'type',
        ),
      ]
    : [];

function scalarMatches(element: PrimitiveType, value: unknown): boolean {
  switch (element) {
    case 'string':
    case 'string[]':
      return typeof value === 'string';
    case 'int':
    case 'int[]':
      return Number.isInteger(value);
    case 'double':
    case 'double[]':
      return typeof value === 'number';
    case 'boolean':
    case 'boolean[]':
      return typeof value === 'boolean';
    case 'any':
      return true;
  }
}

/** Whether one example (a scalar, or a list for array types) fits the type. */
function exampleFits(type: PrimitiveType, example: unknown): boolean {
  if (Array.isArray(example))
    return type.endsWith('[]') || type === 'any'
      ? example.every((item) => scalarMatches(type, item))
      : false;
  return scalarMatches(type, example);
}

const examplesFit: AttributeRule = (attribute, group) => {
  const { type } = attribute;
  if (type === undefined || type.kind === 'enum') return [];
  const primitive = type.primitive;
  if (!attribute.present.has('examples')) {
    if (primitive !== 'string' && primitive !== 'string[]') return [];
    const what = primitive === 'string' ? 'a string' : 'a string array';
    return [
      finding(
        attribute,
        'InvalidExampleWarning',
        'warning',
        `attribute "${attribute.id}" in group ${group} is ${what} but has no \`examples\``,
      ),
    ];
  }
  const examples = Array.isArray(attribute.examples)
    ? (attribute.examples as unknown[])
    : [attribute.examples];
  const wholeListIsOneExample =
    primitive.endsWith('[]') && examples.every((item) => !Array.isArray(item));
  const fits = wholeListIsOneExample
    ? examples.every((item) => scalarMatches(primitive, item))
    : examples.every((example) => exampleFits(primitive, example));
  return fits
    ? []
    : [
        finding(
          attribute,
          'InvalidExampleWarning',
          'warning',
          `attribute "${attribute.id}" in group ${group} has examples that are not of its type ${primitive}`,
          'examples',
        ),
      ];
};

export const definitionRules: readonly AttributeRule[] = [
  briefRequired,
  stabilityGiven,
  memberStability,
  noCustomValuesFlag,
  examplesFit,
];

/** Applies to references and definitions alike. */
export function structuredDeprecation(attribute: SpecAttribute, group: string): Finding[] {
  if (attribute.legacyDeprecated === undefined) return [];
  const name = attribute.kind === 'definition' ? attribute.id : attribute.ref;
  return [
    finding(
      attribute,
      'UnstructuredDeprecatedProperty',
      'error',
      `attribute "${name}" in group ${group} has \`deprecated\` as plain text; write \`deprecated: {reason: renamed, renamed_to: …}\`, \`{reason: obsoleted}\` or \`{reason: uncategorized, note: …}\``,
      'deprecated',
    ),
  ];
}
