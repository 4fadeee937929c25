import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { PipelineLocation } from './errors.ts';

type PathSegment = string | number;

/** `tiers[1].steps[0].timeoutSeconds`: how a person reads a key's path. */
export function formatKeyPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}

/** A JSON pointer (`/tiers/1/steps/0`) as path segments, numbers where they index arrays. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** The key node of `path`'s last segment when it is a map key, else the value node. */
function keyOrValueNode(document: Document, path: readonly PathSegment[]): Node | undefined {
  const last = path.at(-1);
  const parent: unknown = document.getIn(path.slice(0, -1), true);
  if (typeof last === 'string' && isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    if (pair !== undefined && isScalar(pair.key)) return pair.key;
  }
  const node: unknown = document.getIn(path, true);
  return isNodeWithRange(node) ? node : undefined;
}

function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/**
 * Locates `path` in the parsed file: the deepest existing node along it (a missing key is reported
 * at the object that lacks it).
 */
export function locate(
  document: Document,
  lineCounter: LineCounter,
  path: readonly PathSegment[],
): PipelineLocation {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : keyOrValueNode(document, path.slice(0, depth));
    const offset = node?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col, keyPath: formatKeyPath(path) };
    }
  }
  return { line: 1, column: 1, keyPath: formatKeyPath(path) };
}
