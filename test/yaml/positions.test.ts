import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlText, type YamlDocument, type YamlPath } from '../../src/yaml/index.ts';

function parse(text: string): YamlDocument {
  const result = parseYamlText(text, 'doc.yaml', { expect: 'any' });
  if (!result.ok) throw new Error(result.problem.message);
  return result.document;
}

/** The text found at a location, for asserting what a location points at. */
function textAt(text: string, line: number, column: number, length: number): string {
  return (text.split('\n')[line - 1] ?? '').slice(column - 1, column - 1 + length);
}

const sample = `# a registry file
groups:
  - id: span.a   # trailing comment
    type: span
    brief:
    note: >
      folded text
    attributes:
      - ref: a.b
      - {id: "x.y", type: string}
    examples: [one, 'two']
    nested:
      - [p, q]
`;

describe('node positions', () => {
  const document = parse(sample);
  const at = (path: YamlPath) => {
    const { line, column } = document.locate(path);
    return [line, column];
  };

  it('locates mapping values, sequence items and flow items', () => {
    expect(at(['groups'])).toEqual([3, 3]);
    expect(at(['groups', 0])).toEqual([3, 5]);
    expect(at(['groups', 0, 'id'])).toEqual([3, 9]);
    expect(at(['groups', 0, 'note'])).toEqual([6, 11]);
    expect(at(['groups', 0, 'attributes', 1])).toEqual([10, 9]);
    expect(at(['groups', 0, 'attributes', 1, 'type'])).toEqual([10, 27]);
    expect(at(['groups', 0, 'examples', 1])).toEqual([11, 21]);
    expect(at(['groups', 0, 'nested', 0, 1])).toEqual([13, 13]);
  });

  it('points an empty value at its key, not at the next line', () => {
    expect(at(['groups', 0, 'brief'])).toEqual([5, 5]);
  });

  it('locates the items of a list that has an empty item, and the empty item at its list', () => {
    const list = parse('a:\n  c:   # trailing\n    - x\n    -\n    - "q"\n');
    const where = (path: YamlPath) => [list.locate(path).line, list.locate(path).column];
    expect(where(['a', 'c', 0])).toEqual([3, 7]);
    expect(where(['a', 'c', 1])).toEqual([3, 5]);
    expect(where(['a', 'c', 2])).toEqual([5, 7]);
  });

  it('locates a node with an anchor or a tag where its properties start', () => {
    const anchored = parse('a: &x !!str text\nb: [&y 1, !!int 2]\nc: *x\n');
    const where = (path: YamlPath) => [anchored.locate(path).line, anchored.locate(path).column];
    expect(where(['a'])).toEqual([1, 4]);
    expect(where(['b', 0])).toEqual([2, 5]);
    expect(where(['b', 1])).toEqual([2, 11]);
    expect(where(['c'])).toEqual([3, 4]);
  });

  it('locates keys', () => {
    const key = document.locateKey(['groups', 0, 'attributes']);
    expect([key.line, key.column]).toEqual([8, 5]);
  });

  it('falls back to the nearest existing node for a missing path', () => {
    expect(at(['groups', 0, 'span_kind'])).toEqual([3, 5]);
    expect(at(['groups', 7, 'id'])).toEqual([3, 3]);
    expect(at([])).toEqual([2, 1]);
  });

  it('finds every key of any generated document where the text has it', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_.]{0,8}$/);
    const leaf = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }),
        fc.integer({ min: -1, max: 3 }),
        (value, flowLevel) => {
          const text = yaml.dump(value, { flowLevel });
          const result = parseYamlText(text, 'doc.yaml', { expect: 'any' });
          // js-yaml's dumper occasionally writes text that does not read back the same.
          fc.pre(result.ok && JSON.stringify(result.document.value) === JSON.stringify(value));
          const parsed = parse(text);
          const visit = (node: unknown, path: (string | number)[]): void => {
            if (Array.isArray(node))
              node.forEach((item, index) => {
                visit(item, [...path, index]);
              });
            else if (node !== null && typeof node === 'object') {
              for (const [name, child] of Object.entries(node)) {
                const { line, column } = parsed.locateKey([...path, name]);
                const written = textAt(text, line, column, name.length + 1);
                expect([name, `"${name}`, `'${name}`]).toContain(
                  written.startsWith(name) ? name : written,
                );
                visit(child, [...path, name]);
              }
            }
          };
          visit(value, []);
        },
      ),
      { numRuns: 150 },
    );
  });
});
