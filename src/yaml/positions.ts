import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node, Pair } from 'yaml';
import type { SourceLocation, YamlPath } from './types.ts';

/**
 * The `yaml` package, required when a file's positions are first read: most runs read none, and
 * its CommonJS build loads in one step where the ES modules go one by one through certify's
 * module hooks.
 */
const require = createRequire(import.meta.url);
let yamlPackage: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlPackage ??= require('yaml') as typeof Yaml;
  return yamlPackage;
}

/**
 * Where a node starts, and for a mapping entry where its key is written, with the node read
 * there (undefined for a document without content).
 */
interface PositionNode {
  readonly offset: number;
  readonly keyOffset?: number;
  readonly node?: Node;
}

/** An entry's value or an item as a node; null where the text has none. */
function asNode(value: unknown): Node | null {
  return yaml().isNode(value) ? value : null;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR;
}

/** Flow indicators end a property token read backwards: `[&a x]`, `{k: !t v}`. */
function endsToken(code: number): boolean {
  return isBlank(code) || code === 91 || code === 123 || code === 44; // [ { ,
}

/**
 * The start of a node's properties (`&anchor`, `!tag`, in either order) written before `start`,
 * or `start`: a node is located where it opens, properties included, as before.
 */
function withProperties(text: string, start: number): number {
  let at = start;
  for (let property = 0; property < 2; property += 1) {
    let end = at;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end -= 1;
    let begin = end;
    while (begin > 0 && !endsToken(text.charCodeAt(begin - 1))) begin -= 1;
    const first = text[begin];
    if (begin === end || (first !== '&' && first !== '!')) break;
    at = begin;
  }
  return at;
}

/** Where a parsed node starts (every node read from text has its range), properties included. */
function startOf(text: string, node: Node): number | undefined {
  const start = node.range?.[0];
  if (start === undefined) return undefined;
  const hasProperties = node.anchor !== undefined || node.tag !== undefined;
  return hasProperties ? withProperties(text, start) : start;
}

/** A scalar with no text at all: `key:` with nothing after it, or a bare `-`. */
function isEmptyValue(node: Node): boolean {
  return yaml().isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

/** A node's position: its start, or `fallbackOffset` for an empty value (its key, or its list). */
function nodeAt(text: string, node: Node | null, fallbackOffset: number): PositionNode {
  const offset = node === null || isEmptyValue(node) ? undefined : startOf(text, node);
  return offset === undefined || node === null ? { offset: fallbackOffset } : { offset, node };
}

/** The entry of `key`; the last one when a key is written twice, as in a map built from all. */
function entryOf(items: readonly Pair[], key: string): Pair | undefined {
  const { isScalar } = yaml();
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && isScalar(item.key) && String(item.key.value) === key) return item;
  }
  return undefined;
}

/**
 * The child of `position` at one step of a path, or undefined when there is none. An alias is
 * not followed: its position is where the alias is written.
 */
function childAt(
  text: string,
  position: PositionNode,
  step: string | number,
): PositionNode | undefined {
  const { node } = position;
  const { isMap, isScalar, isSeq } = yaml();
  if (isMap(node) && typeof step === 'string') {
    const entry = entryOf(node.items, step);
    const keyOffset = isScalar(entry?.key) ? startOf(text, entry.key) : undefined;
    if (entry === undefined || keyOffset === undefined) return undefined;
    return { ...nodeAt(text, asNode(entry.value), keyOffset), keyOffset };
  }
  if (isSeq(node) && typeof step === 'number') {
    if (step >= node.items.length) return undefined;
    return nodeAt(text, asNode(node.items[step]), position.offset);
  }
  return undefined;
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

/**
 * Answers "where is this node" for one parsed document. The values come from js-yaml (several
 * times faster); positions from the `yaml` package's document, parsed only for a file whose
 * positions are read (one with a diagnostic, a model location read): most files of a clean
 * registry never pay for it.
 */
export class PositionIndex {
  readonly #file: string;
  readonly #text: string;
  #root: PositionNode | undefined;
  #lines: Yaml.LineCounter | undefined;

  constructor(file: string, text: string) {
    this.#file = file;
    this.#text = text;
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
      const { LineCounter, parseDocument } = yaml();
      this.#lines = new LineCounter();
      // The text already parsed as YAML 1.2 core (js-yaml); duplicate keys were refused there.
      const document = parseDocument(this.#text, {
        lineCounter: this.#lines,
        schema: 'core',
        uniqueKeys: false,
      });
      this.#root = nodeAt(this.#text, document.contents, 0);
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
    const { line, col } = this.#lines?.linePos(offset) ?? { line: 1, col: offset + 1 };
    return { file: this.#file, line, column: col };
  }
}
