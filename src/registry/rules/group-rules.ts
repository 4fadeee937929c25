import type { SpecGroup } from '../structure/index.ts';
import type { Finding } from './report.ts';

/**
 * The group rules of Weaver's `GroupSpec::validate`, for definition/1 groups (definition/2
 * requirements are in its schema). Ids and checks follow Weaver; levels follow
 * docs/weaver.md, which makes some of Weaver's warnings errors (see docs/registry-check.md).
 */
type GroupRule = (group: SpecGroup, name: string) => Finding[];

const error = (group: SpecGroup, id: Finding['id'], message: string, key?: string): Finding => ({
  id,
  level: 'error',
  message,
  place: group.place,
  ...(key === undefined ? {} : { key }),
});

const typeRequired: GroupRule = (group, name) =>
  !group.present.has('type')
    ? [
        error(
          group,
          'InvalidGroupMissingType',
          `group ${name} has no \`type\`; give one of attribute_group, span, event, metric, entity`,
        ),
      ]
    : [];

const stabilityRequired: GroupRule = (group, name) => {
  if (group.stability === 'deprecated') {
    return [
      error(
        group,
        'InvalidGroupStability',
        `group ${name} has \`stability: deprecated\`, which is not a stability level; keep its stability and add \`deprecated: {reason: …}\``,
        'stability',
      ),
    ];
  }
  if (
    group.type === undefined ||
    group.type === 'attribute_group' ||
    group.present.has('stability')
  ) {
    return [];
  }
  return [
    error(
      group,
      'InvalidGroupStability',
      `group ${name} has no \`stability\`; a ${group.type} group needs one of stable, development, alpha, beta, release_candidate`,
    ),
  ];
};

const spanKindRequired: GroupRule = (group, name) =>
  group.type === 'span' && !group.present.has('span_kind')
    ? [
        error(
          group,
          'InvalidSpanMissingSpanKind',
          `span group ${name} has no \`span_kind\`; give one of client, server, producer, consumer, internal`,
        ),
      ]
    : [];

const metricFieldsRequired: GroupRule = (group, name) => {
  if (group.type !== 'metric') return [];
  const missing = ['metric_name', 'instrument', 'unit'].filter((key) => !group.present.has(key));
  return missing.map((key) =>
    error(
      group,
      'InvalidMetric',
      `metric group ${name} has no \`${key}\`; a metric needs metric_name, instrument (counter, updowncounter, gauge, histogram) and unit`,
    ),
  );
};

const eventNameRequired: GroupRule = (group, name) =>
  group.type === 'event' && !group.present.has('name')
    ? [
        error(
          group,
          'InvalidGroup',
          `event group ${name} has no \`name\`; an event needs the name it is emitted with`,
        ),
      ]
    : [];

const signalFieldsInPlace: GroupRule = (group, name) => {
  if (group.type === undefined) return [];
  const findings: Finding[] = [];
  if (group.type !== 'span' && group.spanKind !== undefined) {
    findings.push(
      error(
        group,
        'InvalidGroup',
        `group ${name} has \`span_kind\` but is not a span group`,
        'span_kind',
      ),
    );
  }
  if (group.type !== 'span' && group.spanEvents.length > 0) {
    findings.push(
      error(
        group,
        'InvalidGroup',
        `group ${name} has \`events\` but is not a span group`,
        'events',
      ),
    );
  }
  if (group.type !== 'event' && group.body !== undefined) {
    findings.push(
      error(
        group,
        'InvalidGroup',
        `group ${name} has a \`body\` but is not an event group`,
        'body',
      ),
    );
  }
  return findings;
};

const noPrefix: GroupRule = (group, name) =>
  group.prefix === undefined
    ? []
    : [
        error(
          group,
          'InvalidGroupUsesPrefix',
          `group ${name} uses \`prefix\`, which is no longer supported; write every attribute id in full and remove the prefix`,
          'prefix',
        ),
      ];

const attributesOrExtends: GroupRule = (group, name) => {
  const exempt = group.type === undefined || group.type === 'metric' || group.type === 'event';
  if (exempt || group.extends !== undefined || group.attributes.length > 0) return [];
  return [
    error(
      group,
      'InvalidGroupMissingExtendsOrAttributes',
      `group ${name} has neither \`attributes\` nor \`extends\`; a ${group.type} group needs at least one`,
    ),
  ];
};

const noDuplicateRefs: GroupRule = (group, name) => {
  const seen = new Set<string>();
  return group.attributes.flatMap((attribute) => {
    if (attribute.kind !== 'reference') return [];
    if (!seen.has(attribute.ref)) {
      seen.add(attribute.ref);
      return [];
    }
    return [
      {
        id: 'InvalidGroupDuplicateAttributeRef',
        level: 'error',
        message: `group ${name} references attribute "${attribute.ref}" twice; keep one \`ref: ${attribute.ref}\``,
        place: attribute.place,
        key: 'ref',
        attribute: attribute.ref,
      },
    ];
  });
};

const noConstraints: GroupRule = (group, name) =>
  group.usesConstraints
    ? [
        {
          id: 'InvalidGroupUsesConstraints',
          level: 'warning',
          message: `group ${name} uses \`constraints\`, which are no longer used; \`include\` is still resolved, \`any_of\` is not checked`,
          place: group.place,
          key: 'constraints',
        },
      ]
    : [];

const structuredDeprecation: GroupRule = (group, name) =>
  group.legacyDeprecated === undefined
    ? []
    : [
        error(
          group,
          'UnstructuredDeprecatedProperty',
          `group ${name} has \`deprecated\` as plain text; write \`deprecated: {reason: renamed, renamed_to: …}\`, \`{reason: obsoleted}\` or \`{reason: uncategorized, note: …}\``,
          'deprecated',
        ),
      ];

const bodyStability: GroupRule = (group, name) => {
  const findings: Finding[] = [];
  const visit = (value: NonNullable<SpecGroup['body']>): void => {
    if (value.stability === undefined) {
      findings.push({
        id: 'InvalidAnyValue',
        level: 'warning',
        message: `the body value "${value.id ?? '?'}" of group ${name} has no \`stability\``,
        place: value.place,
      });
    }
    value.fields.forEach(visit);
  };
  if (group.body !== undefined) visit(group.body);
  return findings;
};

export const groupRules: readonly GroupRule[] = [
  typeRequired,
  stabilityRequired,
  spanKindRequired,
  metricFieldsRequired,
  eventNameRequired,
  signalFieldsInPlace,
  noPrefix,
  attributesOrExtends,
  noDuplicateRefs,
  noConstraints,
  structuredDeprecation,
  bodyStability,
];
