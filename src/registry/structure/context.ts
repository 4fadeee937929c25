import { valueAt, type YamlPath } from '../../yaml/index.ts';

/** What a diagnostic at `path` concerns: its group and attribute ids, read from the document. */
export interface PathContext {
  readonly group?: string;
  readonly attribute?: string;
}

/** definition/2 keys whose items become groups, and how their group id is made. */
const v2GroupIds: Readonly<Record<string, (item: unknown) => string | undefined>> = {
  attribute_groups: (item) => field(item, 'id'),
  spans: (item) => prefixed('span', field(item, 'type')),
  metrics: (item) => prefixed('metric', field(item, 'name')),
  events: (item) => prefixed('event', field(item, 'name')),
  entities: (item) => prefixed('entity', field(item, 'type')),
  span_refinements: (item) => field(item, 'id'),
  metric_refinements: (item) => field(item, 'id'),
  event_refinements: (item) => field(item, 'id'),
  entity_refinements: (item) => field(item, 'id'),
  groups: (item) => field(item, 'id'),
};

function field(item: unknown, key: string): string | undefined {
  const value = valueAt(item, [key]);
  return typeof value === 'string' ? value : undefined;
}

function prefixed(prefix: string, name: string | undefined): string | undefined {
  return name === undefined ? undefined : `${prefix}.${name}`;
}

function attributeName(item: unknown): string | undefined {
  return field(item, 'id') ?? field(item, 'ref') ?? field(item, 'key');
}

export function contextAt(root: unknown, path: YamlPath): PathContext {
  const [top, index, listKey, attributeIndex] = path;
  if (typeof top !== 'string' || typeof index !== 'number') return {};
  const item = valueAt(root, [top, index]);
  if (top === 'attributes') {
    const attribute = attributeName(item);
    return attribute === undefined ? {} : { attribute };
  }
  const group = v2GroupIds[top]?.(item);
  const isAttribute =
    (listKey === 'attributes' || listKey === 'identity' || listKey === 'description') &&
    typeof attributeIndex === 'number';
  const attribute = isAttribute
    ? attributeName(valueAt(item, [listKey, attributeIndex]))
    : undefined;
  return {
    ...(group === undefined ? {} : { group }),
    ...(attribute === undefined ? {} : { attribute }),
  };
}
