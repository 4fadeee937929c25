import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../../test/support/shared.ts';
import { registryFiles } from './support/registry.ts';

describeWithShared("the registry against Weaver's JSON schema", () => {
  const schema = JSON.parse(
    readFileSync(sharedPath('weaver', 'semconv.schema.json'), 'utf8'),
  ) as object;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const files = [...registryFiles()];

  it('has registry files to check', () => {
    expect(files.map(([name]) => name).sort()).toEqual([
      'metrics.yaml',
      'registry.yaml',
      'resource.yaml',
      'spans.yaml',
    ]);
  });

  it.each(files)('%s is valid definition/1 syntax', (_name, content) => {
    validate(content);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("rejects the tutorial's span group, which has no span_kind and no stability", () => {
    const tutorialForm = {
      groups: [{ id: 'activity', type: 'span', brief: 'x', spans: [{ name: 'log_event' }] }],
    };
    expect(validate(tutorialForm)).toBe(false);
  });
});
