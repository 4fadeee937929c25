import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One relative import between two source files of the project. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** Source files: TypeScript, and the JavaScript that runs before TypeScript can (module hooks). */
const sourceFile = /\.(?:[cm]?ts|[cm]?js)$/;

/** Every source file under `root`, as absolute paths. */
export function listSourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && sourceFile.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A folder's public entry: its `index.ts`, or `index.js` for a folder of JavaScript. */
const entryFiles = new Set(['index.ts', 'index.js']);

/** Relative imports of `file` (static, dynamic and type-only), resolved to absolute paths. */
export function relativeImportsOf(file: string): ImportEdge[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => ({ from: file, to: resolve(dirname(file), name) }));
}

/**
 * The folder rule: from outside a folder, only its `index.ts` (or `index.js`) may be imported.
 * Returns the offending folder's index path when `edge` reaches past it, else undefined.
 */
export function bypassedEntry(edge: ImportEdge): string | undefined {
  const path = relative(dirname(edge.from), edge.to).split(sep);
  const descent = path.filter((part) => part !== '..');
  if (descent.length < 2) return undefined; // same folder, or a file directly in an ancestor
  const [entered, file] = descent;
  if (descent.length === 2 && file !== undefined && entryFiles.has(file)) return undefined;
  const base = resolve(dirname(edge.from), ...path.filter((part) => part === '..'));
  return join(base, entered ?? '', 'index.ts');
}

/** A cycle among `edges` as a list of files, or an empty list when the graph is acyclic. */
export function findCycle(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] => {
    if (state.get(node) === 'done') return [];
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const target of next.get(node) ?? []) {
      const cycle = visit(target);
      if (cycle.length > 0) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return [];
  };
  for (const node of next.keys()) {
    const cycle = visit(node);
    if (cycle.length > 0) return cycle;
  }
  return [];
}
