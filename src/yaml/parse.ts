import yaml from 'js-yaml';
import { PositionIndex } from './positions.ts';
import type {
  SourceLocation,
  YamlDocument,
  YamlPath,
  YamlProblemKind,
  YamlReadOptions,
  YamlReadResult,
} from './types.ts';

const defaultMaxDepth = 100;
const minExpandedNodes = 10_000;

/** Parses with js-yaml's core schema (YAML 1.2: no timestamps, no `!!binary`, no merge keys). */
function load(text: string, file: string, maxDepth: number): unknown {
  const options: yaml.LoadOptions & { maxDepth: number } = {
    filename: file,
    schema: yaml.CORE_SCHEMA,
    maxDepth,
  };
  return yaml.load(text, options);
}

/** False when the text holds only blanks, comments and document markers. */
function hasContent(text: string): boolean {
  return text.split('\n').some((line) => {
    const trimmed = line.trim();
    return trimmed !== '' && !trimmed.startsWith('#') && trimmed !== '---' && trimmed !== '...';
  });
}

/**
 * Counts nodes with aliases expanded, stopping as soon as `limit` is passed. js-yaml shares
 * an aliased node instead of copying it, so parsing an alias bomb is cheap; walking it is what
 * explodes, hence this bounded walk before anything else walks the value.
 */
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
 * returned with a location. Node positions are worked out only when asked for.
 */
export function parseYamlText(
  text: string,
  file: string,
  options: YamlReadOptions = {},
): YamlReadResult {
  const wholeFile = { file, line: 1, column: 1 };
  const maxDepth = options.maxDepth ?? defaultMaxDepth;
  let value: unknown;
  try {
    value = load(text, file, maxDepth);
  } catch (error: unknown) {
    if (error instanceof yaml.YAMLException) return syntaxFailure(error, file);
    throw error;
  }
  if (value === undefined || (value === null && !hasContent(text))) {
    return failure(
      'empty',
      'the file is empty (no YAML content, only blanks or comments)',
      wholeFile,
    );
  }
  // Without aliases a document has at most one node per character (plus the root), and an
  // alias needs an anchor (`&name`): text without `&` cannot pass the limit, so is not walked.
  const maxExpanded = options.maxExpandedNodes ?? Math.max(minExpandedNodes, 2 * text.length);
  const mayExpand = text.includes('&') || maxExpanded <= text.length;
  if (mayExpand && exceedsExpandedSize(value, maxExpanded)) {
    return failure(
      'too-many-aliases',
      `the document's aliases (*name) expand to more than ${maxExpanded} nodes: an alias bomb?`,
      wholeFile,
    );
  }
  const positions = new PositionIndex(file, text);
  const expectsMapping = (options.expect ?? 'mapping') === 'mapping';
  const isMapping = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (expectsMapping && !isMapping) {
    return failure(
      'not-a-mapping',
      `the top level must be a mapping of keys to values, but it is ${describeType(value)}`,
      positions.locate([]),
    );
  }
  return { ok: true, document: new ParsedDocument(file, value, positions) };
}
