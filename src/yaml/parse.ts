import yaml from 'js-yaml';
import { PositionIndex, type ParseFrame } from './positions.ts';
import type {
  SourceLocation,
  YamlDocument,
  YamlPath,
  YamlProblemKind,
  YamlReadOptions,
  YamlReadResult,
} from './types.ts';

const defaultMaxAliases = 100;
const defaultMaxDepth = 100;
const minExpandedNodes = 10_000;
const expansionFactor = 10;

interface ParsedTree {
  readonly value: unknown;
  readonly root: ParseFrame | undefined;
  readonly nodeCount: number;
  readonly aliasCount: number;
}

/** Parses with js-yaml's core schema (YAML 1.2: no timestamps, no `!!binary`, no merge keys). */
function parseTree(text: string, file: string, maxDepth: number): ParsedTree {
  const open: ParseFrame[] = [];
  let root: ParseFrame | undefined;
  let nodeCount = 0;
  let aliasCount = 0;
  const options: yaml.LoadOptions & { maxDepth: number } = {
    filename: file,
    schema: yaml.CORE_SCHEMA,
    maxDepth,
    listener(event, state) {
      if (event === 'open') {
        open.push({ start: state.position, children: [], kind: null, result: undefined });
        return;
      }
      const frame = open.pop();
      if (frame === undefined) return;
      // `kind` is null for empty nodes and aliases, though the typings claim a string.
      const kind: unknown = state.kind;
      frame.kind = typeof kind === 'string' ? kind : null;
      frame.result = state.result;
      nodeCount += 1;
      if (frame.kind === null && frame.children.length === 0 && isAliasAt(text, frame.start)) {
        aliasCount += 1;
      }
      const parent = open.at(-1);
      if (parent === undefined) root = frame;
      else parent.children.push(frame);
    },
  };
  const value: unknown = yaml.load(text, options);
  return { value, root, nodeCount, aliasCount };
}

/** False when the text holds only blanks, comments and document markers. */
function hasContent(text: string): boolean {
  return text.split('\n').some((line) => {
    const trimmed = line.trim();
    return trimmed !== '' && !trimmed.startsWith('#') && trimmed !== '---' && trimmed !== '...';
  });
}

function isAliasAt(text: string, from: number): boolean {
  const rest = text.slice(from, from + 200).trimStart();
  return rest.startsWith('*');
}

/** Counts nodes with aliases expanded, stopping as soon as `limit` is passed. */
function exceedsExpandedSize(value: unknown, limit: number): boolean {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    count += 1;
    if (count > limit) return true;
    const children: readonly unknown[] = Array.isArray(node)
      ? node
      : node !== null && typeof node === 'object'
        ? Object.values(node)
        : [];
    for (const child of children) pending.push(child);
  }
  return false;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

class ParsedDocument implements YamlDocument {
  readonly file: string;
  readonly value: unknown;
  readonly #positions: PositionIndex;

  constructor(file: string, value: unknown, positions: PositionIndex) {
    this.file = file;
    this.value = value;
    this.#positions = positions;
  }

  locate(path: YamlPath): SourceLocation {
    return this.#positions.locate(path);
  }

  locateKey(path: YamlPath): SourceLocation {
    return this.#positions.locateKey(path);
  }
}

function failure(kind: YamlProblemKind, message: string, location: SourceLocation): YamlReadResult {
  return { ok: false, problem: { kind, message, location } };
}

function syntaxFailure(error: yaml.YAMLException, file: string): YamlReadResult {
  // js-yaml counts lines and columns from 0; a mark can be missing on internal errors.
  const mark = error.mark as yaml.YAMLException['mark'] | undefined;
  const location = { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  if (error.reason.includes('maxDepth')) {
    return failure('syntax', `YAML nesting is too deep (${error.reason})`, location);
  }
  return failure('syntax', `not valid YAML: ${error.reason}`, location);
}

/**
 * Parses YAML text that was read from `file`. Never throws for bad content: every problem is
 * returned with a location.
 */
export function parseYamlText(
  text: string,
  file: string,
  options: YamlReadOptions = {},
): YamlReadResult {
  const wholeFile = { file, line: 1, column: 1 };
  let tree: ParsedTree;
  try {
    tree = parseTree(text, file, options.maxDepth ?? defaultMaxDepth);
  } catch (error: unknown) {
    if (error instanceof yaml.YAMLException) return syntaxFailure(error, file);
    throw error;
  }
  if (tree.value === undefined || (tree.value === null && !hasContent(text))) {
    return failure(
      'empty',
      'the file is empty (no YAML content, only blanks or comments)',
      wholeFile,
    );
  }
  const maxAliases = options.maxAliases ?? defaultMaxAliases;
  if (tree.aliasCount > maxAliases) {
    return failure(
      'too-many-aliases',
      `the document uses ${tree.aliasCount} aliases (*name); at most ${maxAliases} are accepted`,
      wholeFile,
    );
  }
  const maxExpanded =
    options.maxExpandedNodes ?? Math.max(minExpandedNodes, tree.nodeCount * expansionFactor);
  if (tree.aliasCount > 0 && exceedsExpandedSize(tree.value, maxExpanded)) {
    return failure(
      'too-many-aliases',
      `the document's aliases expand to more than ${maxExpanded} nodes (an alias bomb?)`,
      wholeFile,
    );
  }
  const positions = new PositionIndex(file, text, tree.root);
  const expectsMapping = (options.expect ?? 'mapping') === 'mapping';
  const isMapping =
    tree.value !== null && typeof tree.value === 'object' && !Array.isArray(tree.value);
  if (expectsMapping && !isMapping) {
    return failure(
      'not-a-mapping',
      `the top level must be a mapping of keys to values, but it is ${describeType(tree.value)}`,
      positions.locate([]),
    );
  }
  return { ok: true, document: new ParsedDocument(file, tree.value, positions) };
}
