import { existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bypassedEntry,
  findCycle,
  listSourceFiles,
  relativeImportsOf,
  type ImportEdge,
} from './import-graph.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const featuresDir = join(projectRoot, 'feature');
const featureRoots = (existsSync(featuresDir) ? readdirSync(featuresDir) : [])
  .map((name) => join(featuresDir, name, 'src'))
  .filter((path) => existsSync(path));
const sourceRoots = [join(projectRoot, 'src'), ...featureRoots];

function edgesUnder(root: string): ImportEdge[] {
  return listSourceFiles(root).flatMap(relativeImportsOf);
}

const show = (path: string): string => relative(projectRoot, path);

describe('the source tree', () => {
  it.each(sourceRoots.map((root) => [show(root), root]))('%s has no import cycle', (_, root) => {
    expect(findCycle(edgesUnder(root)).map(show)).toEqual([]);
  });

  it.each(sourceRoots.map((root) => [show(root), root]))(
    '%s enters every folder through its index.ts',
    (_, root) => {
      const offences = edgesUnder(root)
        .filter((edge) => bypassedEntry(edge) !== undefined)
        .map((edge) => `${show(edge.from)} -> ${show(edge.to)}`);
      expect(offences).toEqual([]);
    },
  );

  it('src/ imports nothing outside src/: no feature (pipeline files describe them), no bin/', () => {
    const reachingOut = edgesUnder(join(projectRoot, 'src'))
      .filter((edge) => !edge.to.startsWith(join(projectRoot, 'src')))
      .map((edge) => `${show(edge.from)} -> ${show(edge.to)}`);
    expect(reachingOut).toEqual([]);
  });
});

describe('the import-graph rules themselves', () => {
  const root = mkdtempSync(join(tmpdir(), 'certify-arch-'));
  const write = (path: string, body: string): string => {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, body);
    return file;
  };

  it('finds a cycle between two files', () => {
    write('cycle/a.ts', "import { b } from './b.ts';\nexport const a = b;\n");
    write(
      'cycle/b.ts',
      "import type { a } from './a.ts';\nexport const b = 1 as unknown as typeof a;\n",
    );
    expect(findCycle(edgesUnder(join(root, 'cycle'))).length).toBeGreaterThan(0);
  });

  it('flags an import that reaches past a folder index', () => {
    const from = write('entry/main.ts', "import { x } from './stage/inner.ts';\n");
    write('entry/stage/inner.ts', 'export const x = 1;\n');
    expect(relativeImportsOf(from).map(bypassedEntry)).toEqual([
      join(root, 'entry/stage/index.ts'),
    ]);
  });

  it('reads the imports of JavaScript files too', () => {
    const from = write('js/stage/entry.js', "import '../../outside/hooks.js';\n");
    expect(listSourceFiles(join(root, 'js'))).toEqual([from]);
    expect(relativeImportsOf(from)).toEqual([{ from, to: join(root, 'outside/hooks.js') }]);
  });

  it('accepts an index.js as a folder entry', () => {
    const from = write('jsentry/main.js', "import './loader/index.js';\n");
    expect(relativeImportsOf(from).map(bypassedEntry)).toEqual([undefined]);
  });

  it('accepts an index import and an ancestor import', () => {
    const from = write(
      'ok/stage/inner.ts',
      "import { y } from '../shared.ts';\nimport { z } from '../other/index.ts';\n",
    );
    expect(relativeImportsOf(from).map(bypassedEntry)).toEqual([undefined, undefined]);
  });
});
