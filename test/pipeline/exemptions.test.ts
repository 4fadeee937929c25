import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import exemptionsSchema from '../../src/pipeline/exemptions.schema.json' with { type: 'json' };
import { exemptableChecks, loadPipeline, PipelineError } from '../../src/pipeline/index.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

const pipeline = `version: 1
feature:
  name: demo-feature
  root: feature/demo
  source: feature/demo/src
  entry: feature/demo/src/index.ts
registry: registry
exemptions: pipeline/exemptions.yaml
budgets:
  ticksPerEvent: { case: demo/hot-path, max: 8 }
  liveCheckCoverage: 100
tiers:
  - id: tests
    name: 'Tier 3: tests'
    steps:
      - { id: vitest, kind: vitest, timeoutSeconds: 300, args: [feature/demo] }
`;

const valid = `version: 1
exemptions:
  - check: skipped-test
    file: feature/demo/test/schema.test.ts
    match: needs ../shared
    reason: the reference schemas are not in every checkout
    owner: demo team
    expires: 2027-06-30
  - check: ts-expect-error
    file: feature/demo/test/**
    reason: tests refuse values the types forbid
    owner: demo team
    expires: 2026-12-31
`;

let project: TempProject;
beforeEach(() => {
  project = createTempProject({
    'feature/demo/src/index.ts': 'export const x = 1;\n',
    'registry/demo.yaml': 'groups: []\n',
    'pipeline/certify.yaml': pipeline,
  });
});
afterEach(() => {
  project.remove();
});

async function problemOf(exemptions: string): Promise<PipelineError> {
  project.write('pipeline/exemptions.yaml', exemptions);
  const error = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof PipelineError))
    throw new Error(`expected a PipelineError, got ${String(error)}`);
  return error;
}

describe('the exemptions file', () => {
  it('is read with the pipeline: each entry with where it is written', async () => {
    project.write('pipeline/exemptions.yaml', valid);
    const loaded = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root });
    expect(loaded.exemptions).toBe('pipeline/exemptions.yaml');
    expect(loaded.exemptionEntries).toEqual([
      {
        check: 'skipped-test',
        file: 'feature/demo/test/schema.test.ts',
        match: 'needs ../shared',
        reason: 'the reference schemas are not in every checkout',
        owner: 'demo team',
        expires: '2027-06-30',
        source: { file: 'pipeline/exemptions.yaml', line: 3 },
      },
      expect.objectContaining({
        check: 'ts-expect-error',
        source: { file: 'pipeline/exemptions.yaml', line: 9 },
      }),
    ]);
  });

  it('is optional: a pipeline without one has no exemptions', async () => {
    project.write(
      'pipeline/certify.yaml',
      pipeline.replace('exemptions: pipeline/exemptions.yaml\n', ''),
    );
    const loaded = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root });
    expect(loaded.exemptionEntries).toEqual([]);
  });

  it('must exist when the pipeline names it', async () => {
    const error = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).problem).toBe('missing-path');
    expect((error as PipelineError).message).toContain('certify.yaml:8:');
    expect((error as PipelineError).detail).toContain('"pipeline/exemptions.yaml" does not exist');
  });

  const cases: [string, string, PipelineError['problem'], number, string, string][] = [
    [
      'not YAML',
      valid.replace('  - check: skipped-test', '  - check: [skipped-test'),
      'syntax',
      4,
      '',
      '',
    ],
    ['not a mapping', '- check: skipped-test\n', 'syntax', 1, '', 'must be a mapping'],
    [
      'a value of the wrong type',
      valid.replace(
        'owner: demo team\n    expires: 2027',
        'owner: [demo, team]\n    expires: 2027',
      ),
      'schema',
      7,
      'exemptions[0].owner',
      'must be a string, not a list',
    ],
    [
      'an unknown key',
      valid.replace('    match: needs', '    line: 4\n    match: needs'),
      'schema',
      5,
      'exemptions[0].line',
      'unknown key "line" in exemptions[0] (allowed here: check, file, match, reason, owner, expires)',
    ],
    [
      'a date that is no date',
      valid.replace('expires: 2027-06-30', 'expires: 2027-02-30'),
      'schema',
      8,
      'exemptions[0].expires',
      'is the string "2027-02-30"; expected a date written YYYY-MM-DD, a day that exists',
    ],
    [
      'a date written another way',
      valid.replace('expires: 2027-06-30', 'expires: 30/06/2027'),
      'schema',
      8,
      'exemptions[0].expires',
      'expected a date written YYYY-MM-DD',
    ],
    [
      'a missing reason',
      valid.replace('    reason: the reference schemas are not in every checkout\n', ''),
      'schema',
      3,
      'exemptions[0]',
      'missing required key "reason" in exemptions[0]',
    ],
    [
      'a reason too short to say anything',
      valid.replace('reason: the reference schemas are not in every checkout', 'reason: flaky'),
      'schema',
      6,
      'exemptions[0].reason',
      'must NOT have fewer than 10 characters',
    ],
    [
      'a check that cannot be exempted',
      valid.replace('check: skipped-test', 'check: test-failed'),
      'schema',
      3,
      'exemptions[0].check',
      'is the string "test-failed"; expected one of: skipped-test,',
    ],
    [
      'an absolute file',
      valid.replace('file: feature/demo/test/schema.test.ts', 'file: /etc/passwd'),
      'schema',
      4,
      'exemptions[0].file',
      'must match pattern',
    ],
    [
      'a missing version',
      valid.replace('version: 1\n', ''),
      'schema',
      1,
      '(top level)',
      'missing required key "version"',
    ],
  ];

  it.each(cases)(
    'refuses %s, naming the exemptions file, the line and the key',
    async (_, text, problem, line, keyPath, detail) => {
      const error = await problemOf(text);
      expect(error.problem).toBe(problem);
      expect(error.file).toMatch(/exemptions\.yaml$/);
      expect(error.location?.line).toBe(line);
      expect(error.location?.keyPath).toBe(keyPath);
      expect(error.detail).toContain(detail);
      expect(error.message).toContain(`exemptions.yaml:${line}:`);
    },
  );

  it('names in its schema exactly the checks certify lets be exempted', () => {
    const named = exemptionsSchema.definitions.exemption.properties.check.enum;
    expect(named).toEqual(Object.values(exemptableChecks).flat());
  });
});

describe("a vitest step's args", () => {
  it.each([
    '--allowOnly',
    '--coverage.enabled=false',
    '--expect.requireAssertions=false',
    '--reporter=dot',
  ])('may not undo what the step asks of Vitest: %s', async (arg) => {
    project.write('pipeline/exemptions.yaml', valid);
    project.write(
      'pipeline/certify.yaml',
      pipeline.replace('args: [feature/demo]', `args: [feature/demo, '${arg}']`),
    );
    const error = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).location).toMatchObject({
      line: 16,
      keyPath: 'tiers[0].steps[0].args[1]',
    });
    expect((error as PipelineError).detail).toContain(`"${arg}" is set by the vitest step itself`);
  });
});
