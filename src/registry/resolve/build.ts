import { locationOf, type SpecGroup } from '../structure/index.ts';
import type { Catalog } from './catalog.ts';
import type { GroupResolution } from './groups.ts';
import type { ResolvedAttribute, ResolvedGroup, ResolvedRegistry } from './model.ts';

function optional<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

function baseOf(id: string, group: SpecGroup, attributes: readonly ResolvedAttribute[]) {
  return {
    id,
    brief: group.brief ?? '',
    note: group.note ?? '',
    attributes,
    definedAt: locationOf(group.place),
    format: group.format,
    ...optional('deprecated', group.deprecated),
    ...optional('extends', group.extends),
    ...optional('refines', group.refines),
    ...optional('annotations', group.annotations),
  };
}

/**
 * A group in the typed model, or undefined when it lacks what its type requires (those groups
 * always come with error diagnostics, so they never reach a consumer of a valid registry). A
 * refinement takes the signal fields of the group it refines.
 */
function typedGroup(
  id: string,
  group: SpecGroup,
  attributes: readonly ResolvedAttribute[],
  refined: SpecGroup | undefined,
): ResolvedGroup | undefined {
  if (group.type === undefined) return undefined;
  const base = baseOf(id, group, attributes);
  const stability = group.stability ?? refined?.stability;
  switch (group.type) {
    case 'attribute_group':
      return {
        ...base,
        type: 'attribute_group',
        ...optional('stability', group.stability),
        ...optional('displayName', group.displayName),
        ...optional('visibility', group.visibility),
      };
    case 'span': {
      const spanKind = group.spanKind ?? refined?.spanKind;
      const note = group.spanNameNote ?? refined?.spanNameNote;
      if (spanKind === undefined || stability === undefined) return undefined;
      return {
        ...base,
        type: 'span',
        stability,
        spanKind,
        events: group.spanEvents,
        ...(note === undefined ? {} : { spanName: { note } }),
      };
    }
    case 'metric': {
      const metricName = group.metricName ?? refined?.metricName;
      const instrument = group.instrument ?? refined?.instrument;
      const unit = group.unit ?? refined?.unit;
      if (metricName === undefined || instrument === undefined || unit === undefined)
        return undefined;
      if (stability === undefined) return undefined;
      return { ...base, type: 'metric', stability, metricName, instrument, unit };
    }
    case 'event': {
      const name = group.name ?? refined?.name;
      if (name === undefined || stability === undefined) return undefined;
      return { ...base, type: 'event', stability, name };
    }
    case 'entity':
      if (stability === undefined) return undefined;
      return {
        ...base,
        type: 'entity',
        stability,
        ...optional('name', group.name ?? refined?.name),
      };
    default:
      return undefined;
  }
}

export function buildRegistry(
  root: string,
  catalog: Catalog,
  resolution: GroupResolution,
): ResolvedRegistry {
  const groups: ResolvedGroup[] = [];
  for (const [id, group] of catalog.groups) {
    const refined = group.refines === undefined ? undefined : catalog.groups.get(group.refines);
    const typed = typedGroup(id, group, resolution.attributes.get(id) ?? [], refined);
    if (typed !== undefined) groups.push(typed);
  }
  return {
    root,
    groups,
    groupsById: new Map(groups.map((group) => [group.id, group])),
    attributes: catalog.attributes,
    attributeGroups: groups.filter((group) => group.type === 'attribute_group'),
    spans: groups.filter((group) => group.type === 'span'),
    metrics: groups.filter((group) => group.type === 'metric'),
    events: groups.filter((group) => group.type === 'event'),
    entities: groups.filter((group) => group.type === 'entity'),
  };
}
