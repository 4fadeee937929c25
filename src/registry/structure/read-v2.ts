import type { YamlDocument, YamlPath } from '../../yaml/index.ts';
import { instruments, spanKinds, type GroupType } from '../semconv/index.ts';
import { attributeOf } from './read-v1.ts';
import {
  asFields,
  asList,
  defined,
  deprecationOf,
  oneOf,
  stabilityOf,
  text,
  type Fields,
} from './read-values.ts';
import type { SpecAttribute, SpecGroup, SpecInclude, SpecPlace } from './spec.ts';

/**
 * definition/2 signals read as groups, the way Weaver converts them: a span of type `t` is the
 * group `span.t`, a metric named `m` is `metric.m`, an event `event.<name>`, an entity
 * `entity.<type>`; a refinement is a group of its own id that extends the signal it refines.
 * The top-level attribute definitions form one attribute group per file.
 */

interface Members {
  readonly attributes: SpecAttribute[];
  readonly includes: SpecInclude[];
}

function membersOf(
  fields: Fields,
  key: string,
  place: SpecPlace,
  role?: 'identifying' | 'descriptive',
): Members {
  const members: Members = { attributes: [], includes: [] };
  asList(fields[key]).forEach((item, index) => {
    const itemPlace = { ...place, path: [...place.path, key, index] };
    const entry = asFields(item);
    const groupId = entry === undefined ? undefined : text(entry, 'ref_group');
    if (groupId !== undefined) {
      members.includes.push({
        groupId,
        place: { ...itemPlace, path: [...itemPlace.path, 'ref_group'] },
      });
      return;
    }
    const attribute = attributeOf(item, itemPlace);
    if (attribute !== undefined)
      members.attributes.push(role === undefined ? attribute : { ...attribute, role });
  });
  return members;
}

function described(fields: Fields) {
  const legacy = fields.deprecated;
  return defined({
    brief: text(fields, 'brief'),
    note: text(fields, 'note'),
    stability: stabilityOf(fields),
    deprecated: deprecationOf(fields),
    legacyDeprecated: typeof legacy === 'string' ? legacy : undefined,
    annotations: asFields(fields.annotations),
  });
}

function signalGroup(
  type: GroupType,
  fields: Fields,
  place: SpecPlace,
  id: string | undefined,
): SpecGroup {
  const members = membersOf(fields, 'attributes', place);
  return {
    place,
    present: new Set(Object.keys(fields)),
    format: 2,
    type,
    attributes: members.attributes,
    includes: members.includes,
    usesConstraints: false,
    spanEvents: [],
    ...described(fields),
    ...defined({ id }),
  };
}

type Reader = (fields: Fields, place: SpecPlace) => SpecGroup;

const prefixed = (prefix: string, name: string | undefined) =>
  name === undefined ? undefined : `${prefix}.${name}`;

const readers: Readonly<Record<string, Reader>> = {
  attribute_groups: (fields, place) => ({
    ...signalGroup('attribute_group', fields, place, text(fields, 'id')),
    ...defined({ visibility: oneOf(fields, 'visibility', ['internal', 'public'] as const) }),
  }),
  spans: (fields, place) => ({
    ...signalGroup('span', fields, place, prefixed('span', text(fields, 'type'))),
    ...defined({
      spanKind: oneOf(fields, 'kind', spanKinds),
      spanNameNote: text(asFields(fields.name) ?? {}, 'note'),
    }),
  }),
  metrics: (fields, place) => ({
    ...signalGroup('metric', fields, place, prefixed('metric', text(fields, 'name'))),
    ...defined({
      metricName: text(fields, 'name'),
      instrument: oneOf(fields, 'instrument', instruments),
      unit: text(fields, 'unit'),
    }),
  }),
  events: (fields, place) => ({
    ...signalGroup('event', fields, place, prefixed('event', text(fields, 'name'))),
    ...defined({ name: text(fields, 'name') }),
  }),
  entities: (fields, place) => {
    const identity = membersOf(fields, 'identity', place, 'identifying');
    const description = membersOf(fields, 'description', place, 'descriptive');
    return {
      ...signalGroup('entity', fields, place, prefixed('entity', text(fields, 'type'))),
      attributes: [...identity.attributes, ...description.attributes],
      ...defined({ name: text(fields, 'type') }),
    };
  },
};

const refinementReaders: Readonly<Record<string, { type: GroupType; prefix: string }>> = {
  span_refinements: { type: 'span', prefix: 'span' },
  metric_refinements: { type: 'metric', prefix: 'metric' },
  event_refinements: { type: 'event', prefix: 'event' },
  entity_refinements: { type: 'entity', prefix: 'entity' },
};

function refinementOf(key: string, fields: Fields, place: SpecPlace): SpecGroup | undefined {
  const refinement = refinementReaders[key];
  if (refinement === undefined) return undefined;
  const group = signalGroup(refinement.type, fields, place, text(fields, 'id'));
  const refined = prefixed(refinement.prefix, text(fields, 'ref'));
  if (key !== 'entity_refinements') return { ...group, ...defined({ refines: refined }) };
  const identity = membersOf(fields, 'identity', place, 'identifying');
  const description = membersOf(fields, 'description', place, 'descriptive');
  const attributes = [...identity.attributes, ...description.attributes];
  return { ...group, attributes, ...defined({ refines: refined }) };
}

function registryGroupOf(
  document: YamlDocument,
  root: Fields,
  display: string,
): SpecGroup | undefined {
  const path: YamlPath = ['attributes'];
  const attributes = asList(root.attributes)
    .map((item, index) => attributeOf(item, { document, path: [...path, index] }))
    .filter((attribute) => attribute !== undefined);
  if (attributes.length === 0) return undefined;
  const name = display.replace(/\.ya?ml$/, '').replaceAll('/', '.');
  return {
    place: { document, path },
    present: new Set(['attributes']),
    format: 2,
    id: `registry.${name}`,
    type: 'attribute_group',
    attributes,
    includes: [],
    usesConstraints: false,
    spanEvents: [],
  };
}

/** The groups of a definition/2 file. `display` names the file's attribute group. */
export function readGroupsV2(document: YamlDocument, display: string): SpecGroup[] {
  const root = asFields(document.value);
  if (root === undefined) return [];
  const groups: SpecGroup[] = [];
  const registryGroup = registryGroupOf(document, root, display);
  if (registryGroup !== undefined) groups.push(registryGroup);
  for (const [key, value] of Object.entries(root)) {
    asList(value).forEach((item, index) => {
      const fields = asFields(item);
      if (fields === undefined) return;
      const place = { document, path: [key, index] };
      const reader = readers[key];
      const group = reader === undefined ? refinementOf(key, fields, place) : reader(fields, place);
      if (group !== undefined) groups.push(group);
    });
  }
  return groups;
}
