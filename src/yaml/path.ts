import type { YamlPath } from './types.ts';

function isIndexable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/**
 * Turns a JSON pointer (as in ajv's `instancePath`, e.g. `/groups/0/brief`) into a path.
 * With `value`, a segment is an index only where the document has a list; without it, any
 * all-digit segment is taken as an index.
 */
export function pathFromPointer(pointer: string, value?: unknown): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  const segments = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const path: (string | number)[] = [];
  let current: unknown = value;
  for (const segment of segments) {
    const isIndex =
      value === undefined ? /^\d+$/.test(segment) : Array.isArray(current) && /^\d+$/.test(segment);
    const step = isIndex ? Number(segment) : segment;
    path.push(step);
    current = isIndexable(current) ? current[String(step)] : undefined;
  }
  return path;
}

/** A path as a person reads it: `groups[0].attributes[2].type`; the top level is `(top level)`. */
export function formatPath(path: YamlPath): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((step, index) => {
      if (typeof step === 'number') return `[${step}]`;
      return index === 0 ? step : `.${step}`;
    })
    .join('');
}

/** The value at `path` inside `root`, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: YamlPath): unknown {
  let current = root;
  for (const step of path) {
    if (!isIndexable(current)) return undefined;
    current = current[String(step)];
  }
  return current;
}
