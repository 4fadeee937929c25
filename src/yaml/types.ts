/** A place in a text file. Lines and columns count from 1, as editors and GitHub show them. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A path to a node inside a YAML document: mapping keys and sequence indexes from the root,
 * e.g. `['groups', 0, 'attributes', 2, 'type']`.
 */
export type YamlPath = readonly (string | number)[];

/** A YAML file read and parsed, with the position of every node kept for diagnostics. */
export interface YamlDocument {
  /** The file as the caller named it (used verbatim in locations). */
  readonly file: string;
  /** The parsed content as plain data: objects, arrays, strings, numbers, booleans, null. */
  readonly value: unknown;
  /**
   * Where the node at `path` starts. A path that goes past the document (a missing key, an index
   * out of range) gives the nearest node that exists, so a "missing key" points at its parent.
   * The line and column are worked out when first read (positions cost a second parse).
   */
  locate(path: YamlPath): SourceLocation;
  /** Where the key of the mapping entry at `path` is written; `locate` for anything else. */
  locateKey(path: YamlPath): SourceLocation;
}

/**
 * What can be wrong with a YAML file. The first three are I/O problems (the file cannot be
 * read); the others are problems with its content.
 */
export type YamlProblemKind =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'too-large'
  | 'binary'
  | 'empty'
  | 'syntax'
  | 'too-many-aliases'
  | 'not-a-mapping';

/** A file that could not be turned into a document, with a message a person can act on. */
export interface YamlProblem {
  readonly kind: YamlProblemKind;
  readonly message: string;
  /** Where the problem is; line 1, column 1 when it concerns the whole file. */
  readonly location: SourceLocation;
}

export type YamlReadResult =
  | { readonly ok: true; readonly document: YamlDocument }
  | { readonly ok: false; readonly problem: YamlProblem };

/** Guards applied while reading untrusted YAML. Every limit has a safe default. */
export interface YamlReadOptions {
  /** Files larger than this are refused before being read. Default 8 MiB. */
  readonly maxBytes?: number;
  /**
   * At most this many nodes once aliases (`*name`) are expanded, which stops "billion laughs"
   * documents. Default: twice the file's length in characters (a document without aliases
   * never has more nodes than characters), and at least 10 000.
   */
  readonly maxExpandedNodes?: number;
  /** Deepest nesting accepted. Default 100. */
  readonly maxDepth?: number;
  /** `mapping` (the default) refuses a document whose top level is a list or a scalar. */
  readonly expect?: 'mapping' | 'any';
}

const ioProblemKinds: ReadonlySet<YamlProblemKind> = new Set([
  'not-found',
  'not-a-file',
  'unreadable',
]);

/** True when the file could not be read at all, as opposed to being read and found wrong. */
export function isIoProblem(problem: YamlProblem): boolean {
  return ioProblemKinds.has(problem.kind);
}
