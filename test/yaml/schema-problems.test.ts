import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { describeSchemaErrors, parseYamlText, type YamlDocument } from '../../src/yaml/index.ts';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string' },
          kind: { enum: ['a', 'b'] },
          level: {
            description: '"low", or a mapping {high: <reason>}',
            anyOf: [
              { const: 'low' },
              { type: 'object', required: ['high'], properties: { high: { type: 'string' } } },
            ],
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, verbose: true }).compile(schema);

function problemsFor(text: string) {
  const result = parseYamlText(text, 'f.yaml');
  if (!result.ok) throw new Error(result.problem.message);
  const document: YamlDocument = result.document;
  validate(document.value);
  return describeSchemaErrors(document, validate.errors ?? []).map((problem) => ({
    message: problem.message,
    at: `${problem.location.line}:${problem.location.column}`,
  }));
}

describe('describeSchemaErrors', () => {
  it('names an unknown key, where it is written and what is allowed', () => {
    expect(problemsFor('items:\n  - name: x\n    spans: []\n')).toEqual([
      {
        message: 'unknown key "spans" in items[0] (allowed here: name, kind, level)',
        at: '3:5',
      },
    ]);
  });

  it('reports a missing key at the mapping that lacks it', () => {
    expect(problemsFor('items:\n  - kind: a\n')).toEqual([
      { message: 'missing required key "name" in items[0]', at: '2:5' },
    ]);
  });

  it('words type and enum errors with the value found', () => {
    expect(problemsFor('items:\n  - name: [1]\n    kind: c\n')).toEqual([
      { message: 'items[0].name must be a string, not a list', at: '2:11' },
      { message: 'items[0].kind is the string "c"; expected one of: a, b', at: '3:11' },
    ]);
  });

  it('reports a failed anyOf once, with the schema description, not its branches', () => {
    expect(problemsFor('items:\n  - name: x\n    level: medium\n')).toEqual([
      { message: 'items[0].level must be "low", or a mapping {high: <reason>}', at: '3:12' },
    ]);
  });
});
