import yaml from 'js-yaml';
import type { SourceLocation, YamlPath } from './types.ts';

/**
 * One node as js-yaml reports it through its parse listener: where it opened, what it became
 * and the nodes opened inside it, in source order.
 */
export interface ParseFrame {
  readonly start: number;
  readonly children: ParseFrame[];
  kind: string | null;
  result: unknown;
}

/**
 * Where a node starts, and for a mapping entry where its key is written, with the parse frame it
 * was read from (undefined for a document without content).
 */
interface PositionNode {
  readonly offset: number;
  readonly keyOffset?: number;
  readonly frame?: ParseFrame;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;

/** Skips blanks, line breaks and comments: js-yaml opens a node before the space in front of it. */
function skipToContent(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === SPACE || code === TAB || code === LF || code === CR) at += 1;
    else if (code === HASH) while (at < text.length && text.charCodeAt(at) !== LF) at += 1;
    else break;
  }
  return at;
}

/**
 * js-yaml sometimes reads a node through a nested call that turns out to be the whole node (a
 * flow list under `- `, a scalar tried as a mapping key): such a wrapper has one child holding
 * the same result, and the child carries the real structure.
 */
function unwrap(frame: ParseFrame): ParseFrame {
  let current = frame;
  for (;;) {
    const [only] = current.children;
    const isWrapper =
      current.children.length === 1 &&
      only !== undefined &&
      only.result === current.result &&
      (current.kind === 'mapping' || current.kind === 'sequence');
    if (!isWrapper) return current;
    current = only;
  }
}

function crossesLineBreak(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes('\n');
}

/** A node's position: its own start, or `fallbackOffset` for an empty value on a later line. */
function nodeAt(text: string, raw: ParseFrame, fallbackOffset: number): PositionNode {
  const frame = unwrap(raw);
  const skipped = skipToContent(text, frame.start);
  // An empty value (`key:` then a new line) would otherwise point at the next line's content.
  const isEmpty = frame.result === null || frame.result === undefined;
  const offset = isEmpty && crossesLineBreak(text, frame.start, skipped) ? fallbackOffset : skipped;
  return { offset, frame };
}

/**
 * The child of `node` at one step of a path, or undefined when there is none. Worked out only
 * along the paths asked for: building every node of a file cost more than the whole lookup.
 */
function childAt(
  text: string,
  node: PositionNode,
  step: string | number,
): PositionNode | undefined {
  const { frame } = node;
  if (frame === undefined) return undefined;
  const { children, kind, result } = frame;
  if (kind === 'mapping') {
    if (typeof step !== 'string' || children.length % 2 !== 0) return undefined;
    // The last entry with the key wins, as it would in a map built from all of them.
    for (let index = children.length - 2; index >= 0; index -= 2) {
      const key = children[index];
      const value = children[index + 1];
      if (key === undefined || value === undefined || String(key.result) !== step) continue;
      const keyOffset = skipToContent(text, key.start);
      return { ...nodeAt(text, value, keyOffset), keyOffset };
    }
    return undefined;
  }
  const isWholeSequence =
    kind === 'sequence' && Array.isArray(result) && result.length === children.length;
  if (!isWholeSequence || typeof step !== 'number') return undefined;
  const item = children[step];
  return item === undefined ? undefined : nodeAt(text, item, node.offset);
}

/** Offsets of the first character of every line, for offset → line/column conversion. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * Parses again with js-yaml's listener to learn where each node starts. Only done for a file
 * whose positions are asked for (one with a diagnostic, a model location read): most files of
 * a clean registry never pay for it.
 */
function parseFrames(text: string, maxDepth: number): ParseFrame | undefined {
  const open: ParseFrame[] = [];
  let root: ParseFrame | undefined;
  const options: yaml.LoadOptions & { maxDepth: number } = {
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
      const parent = open.at(-1);
      if (parent === undefined) root = frame;
      else parent.children.push(frame);
    },
  };
  yaml.load(text, options);
  return root;
}

/** A location whose line and column are worked out the first time they are read. */
export function lazyLocation(file: string, compute: () => SourceLocation): SourceLocation {
  let computed: SourceLocation | undefined;
  const resolved = () => (computed ??= compute());
  return {
    file,
    get line() {
      return resolved().line;
    },
    get column() {
      return resolved().column;
    },
  };
}

/** Answers "where is this node" for one parsed document, building its index on first use. */
export class PositionIndex {
  readonly #file: string;
  readonly #text: string;
  readonly #maxDepth: number;
  #root: PositionNode | undefined;
  #lineStarts: number[] | undefined;

  constructor(file: string, text: string, maxDepth: number) {
    this.#file = file;
    this.#text = text;
    this.#maxDepth = maxDepth;
  }

  locate(path: YamlPath): SourceLocation {
    return lazyLocation(this.#file, () => this.#toLocation(this.#walk(path).offset));
  }

  locateKey(path: YamlPath): SourceLocation {
    return lazyLocation(this.#file, () => {
      const node = this.#walk(path);
      return this.#toLocation(node.keyOffset ?? node.offset);
    });
  }

  #index(): PositionNode {
    if (this.#root === undefined) {
      const frame = parseFrames(this.#text, this.#maxDepth);
      this.#root = frame === undefined ? { offset: 0 } : nodeAt(this.#text, frame, 0);
    }
    return this.#root;
  }

  /** The deepest node along `path` that exists. */
  #walk(path: YamlPath): PositionNode {
    let node = this.#index();
    for (const step of path) {
      const next = childAt(this.#text, node, step);
      if (next === undefined) return node;
      node = next;
    }
    return node;
  }

  #toLocation(offset: number): SourceLocation {
    this.#lineStarts ??= lineStartsOf(this.#text);
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { file: this.#file, line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }
}
