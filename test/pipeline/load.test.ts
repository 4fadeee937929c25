import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pipelineSchema from '../../src/pipeline/pipeline.schema.json' with { type: 'json' };
import {
  gatedCasesOf,
  loadPipeline,
  PipelineError,
  stepKinds,
  type PipelineProblem,
} from '../../src/pipeline/index.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

const validPipeline = `version: 1
feature:
  name: demo-feature
  root: feature/demo
  source: feature/demo/src
  entry: feature/demo/src/index.ts
registry: registry
budgets:
  ticksPerEvent: { case: demo/hot-path, max: 8 }
  liveCheckCoverage: 100
tiers:
  - id: weaver
    name: 'Tier 1: Weaver'
    steps:
      - { id: registry-check, kind: registry-check, timeoutSeconds: 60, policies: [builtin:otel] }
      - { id: live-check, kind: live-check, timeoutSeconds: 60, command: [node, demo.js] }
  - id: quality
    name: 'Tier 2: quality'
    concurrency: 3
    steps:
      - id: tsc
        kind: command
        timeoutSeconds: 120
        command: [tsc, --noEmit]
  - id: tests
    name: 'Tier 3: tests'
    steps:
      - { id: vitest, kind: vitest, timeoutSeconds: 300, args: [feature/demo] }
      - { id: tick-bench, kind: tick-bench, timeoutSeconds: 300, exclusive: true, suite: feature/demo/bench/suite.ts }
      - { id: security-audit, kind: security-audit, timeoutSeconds: 60, npmAudit: when-available }
      - { id: docs-check, kind: docs-check, timeoutSeconds: 60 }
  - id: typescript
    name: 'Tier 4: TypeScript'
    steps:
      - { id: typecheck, kind: typecheck, timeoutSeconds: 60, project: feature/demo }
      - id: eslint
        kind: eslint
        timeoutSeconds: 60
        paths: [feature/demo]
        maxWarnings: 0
        typeInfo: { project: feature/demo/tsconfig.json }
`;

let project: TempProject;

beforeEach(() => {
  project = createTempProject({
    'feature/demo/src/index.ts': 'export const x = 1;\n',
    'registry/demo.yaml': 'groups: []\n',
    'feature/demo/bench/suite.ts': 'export default { cases: [] };\n',
    'feature/demo/tsconfig.json': '{}\n',
  });
});
afterEach(() => {
  project.remove();
});

async function problemOf(text: string): Promise<PipelineError> {
  project.write('pipeline/certify.yaml', text);
  const error = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof PipelineError))
    throw new Error(`expected a PipelineError, got ${String(error)}`);
  return error;
}

describe('loading a pipeline file', () => {
  it('gives the feature, registry, budgets and every kind of step, in order', async () => {
    project.write('pipeline/certify.yaml', validPipeline);
    const pipeline = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root });
    expect(pipeline.feature.entry).toBe('feature/demo/src/index.ts');
    expect(pipeline.budgets.ticksPerEvent).toEqual({ case: 'demo/hot-path', max: 8 });
    expect(pipeline.tiers.map((tier) => tier.id)).toEqual([
      'weaver',
      'quality',
      'tests',
      'typescript',
    ]);
    expect(pipeline.tiers.flatMap((tier) => tier.steps.map((step) => step.kind))).toEqual([
      'registry-check',
      'live-check',
      'command',
      'vitest',
      'tick-bench',
      'security-audit',
      'docs-check',
      'typecheck',
      'eslint',
    ]);
    expect(pipeline.projectRoot).toBe(project.root);
  });

  it('reports a missing file as unreadable', async () => {
    const error = await loadPipeline('pipeline/none.yaml', { projectRoot: project.root }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).problem).toBe('unreadable');
    expect((error as PipelineError).message).toContain('none.yaml');
  });

  const cases: [string, string, PipelineProblem, number, string, string][] = [
    [
      'broken YAML',
      validPipeline.replace('registry: registry', 'registry: [registry'),
      'syntax',
      8,
      '',
      'not valid YAML',
    ],
    ['a list instead of a mapping', '- 1\n- 2\n', 'syntax', 1, '', 'must be a mapping'],
    [
      'an unknown key',
      validPipeline.replace('    concurrency: 3', '    concurency: 3'),
      'schema',
      19,
      'tiers[1].concurency',
      'unknown key "concurency" in tiers[1] (allowed here: id, name, concurrency, steps)',
    ],
    [
      'a missing required key',
      validPipeline.replace('        timeoutSeconds: 120\n', ''),
      'schema',
      21,
      'tiers[1].steps[0]',
      'missing required key "timeoutSeconds" in tiers[1].steps[0]',
    ],
    [
      'a value of the wrong type',
      validPipeline.replace('timeoutSeconds: 120', 'timeoutSeconds: soon'),
      'schema',
      23,
      'tiers[1].steps[0].timeoutSeconds',
      'must be a number, not the string "soon"',
    ],
    [
      'an unknown step kind',
      validPipeline.replace('kind: command', 'kind: shell'),
      'schema',
      22,
      'tiers[1].steps[0].kind',
      'unknown step kind "shell"; expected one of: command, vitest,',
    ],
    [
      'a command given as a shell string',
      validPipeline.replace('command: [tsc, --noEmit]', "command: 'tsc --noEmit'"),
      'schema',
      24,
      'tiers[1].steps[0].command',
      'must be a list, not the string "tsc --noEmit"',
    ],
    [
      'a bad npmAudit mode',
      validPipeline.replace('npmAudit: when-available', 'npmAudit: sometimes'),
      'schema',
      30,
      'tiers[2].steps[2].npmAudit',
      'expected one of: required, when-available, off',
    ],
    [
      'an absolute path',
      validPipeline.replace('registry: registry', 'registry: /etc'),
      'schema',
      7,
      'registry',
      'must match pattern',
    ],
    [
      'a step id used twice',
      validPipeline.replace('id: docs-check', 'id: tsc'),
      'duplicate-id',
      31,
      'tiers[2].steps[3].id',
      'step id "tsc" is used twice',
    ],
    [
      'a tier id used twice',
      validPipeline.replace('id: tests', 'id: weaver'),
      'duplicate-id',
      25,
      'tiers[2].id',
      'tier id "weaver" is used twice',
    ],
    [
      'a folder that does not exist',
      validPipeline.replace('registry: registry', 'registry: registri'),
      'missing-path',
      7,
      'registry',
      '"registri" does not exist',
    ],
    [
      'a benchmark suite that does not exist',
      validPipeline.replace(
        'suite: feature/demo/bench/suite.ts',
        'suite: feature/demo/bench/none.ts',
      ),
      'missing-path',
      29,
      'tiers[2].steps[1].suite',
      '"feature/demo/bench/none.ts" does not exist',
    ],
    [
      'bench timing with an unknown key',
      validPipeline.replace('exclusive: true,', 'exclusive: true, timing: { round: 1 },'),
      'schema',
      29,
      'tiers[2].steps[1].timing.round',
      'unknown key "round"',
    ],
    [
      'a TypeScript project that does not exist',
      validPipeline.replace('project: feature/demo }', 'project: feature/dmeo }'),
      'missing-path',
      35,
      'tiers[3].steps[0].project',
      'TypeScript project "feature/dmeo" does not exist',
    ],
    [
      'a TypeScript project folder without a tsconfig.json',
      validPipeline.replace('project: feature/demo/tsconfig.json', 'project: feature/demo/src'),
      'missing-path',
      41,
      'tiers[3].steps[1].typeInfo.project',
      'TypeScript project "feature/demo/src" is a folder without a tsconfig.json',
    ],
    [
      'eslint without paths',
      validPipeline.replace('paths: [feature/demo]', 'paths: []'),
      'schema',
      39,
      'tiers[3].steps[1].paths',
      'must NOT have fewer than 1 items',
    ],
    [
      'a negative maxWarnings',
      validPipeline.replace('maxWarnings: 0', 'maxWarnings: -1'),
      'schema',
      40,
      'tiers[3].steps[1].maxWarnings',
      'must be >= 0',
    ],
    [
      'a vitest maxWorkers of 0',
      validPipeline.replace('args: [feature/demo] }', 'args: [feature/demo], maxWorkers: 0 }'),
      'schema',
      28,
      'tiers[2].steps[0].maxWorkers',
      'must be a whole number of at least 1, or "cores"',
    ],
    [
      'a vitest maxWorkers that is neither a number nor cores',
      validPipeline.replace('args: [feature/demo] }', 'args: [feature/demo], maxWorkers: all }'),
      'schema',
      28,
      'tiers[2].steps[0].maxWorkers',
      'must be a whole number of at least 1, or "cores"',
    ],
    [
      'a tick budget with both case and cases',
      validPipeline.replace(
        'ticksPerEvent: { case: demo/hot-path, max: 8 }',
        'ticksPerEvent: { case: demo/hot-path, cases: [demo/mixed], max: 8 }',
      ),
      'schema',
      9,
      'budgets.ticksPerEvent',
      'must be { case: <name>, max: <ticks> } or { cases: [<name>, …], max: <ticks> }',
    ],
    [
      'a tick budget with an empty list of cases',
      validPipeline.replace(
        'ticksPerEvent: { case: demo/hot-path, max: 8 }',
        'ticksPerEvent: { cases: [], max: 8 }',
      ),
      'schema',
      9,
      'budgets.ticksPerEvent',
      'must be { case: <name>, max: <ticks> } or { cases: [<name>, …], max: <ticks> }',
    ],
    [
      'a gate confidence of 1',
      validPipeline.replace('exclusive: true,', 'exclusive: true, gate: { confidence: 1 },'),
      'schema',
      29,
      'tiers[2].steps[1].gate.confidence',
      'must be < 1',
    ],
    [
      'a gate with a single process',
      validPipeline.replace('exclusive: true,', 'exclusive: true, gate: { minProcesses: 1 },'),
      'schema',
      29,
      'tiers[2].steps[1].gate.minProcesses',
      'must be >= 2',
    ],
    [
      'a gate whose maximum of processes is under its minimum',
      validPipeline.replace(
        'exclusive: true,',
        'exclusive: true, gate: { minProcesses: 5, maxProcesses: 3 },',
      ),
      'schema',
      29,
      'tiers[2].steps[1].gate.maxProcesses',
      'gate.maxProcesses (3) must be at least gate.minProcesses (5)',
    ],
    [
      'a gate with an unknown key',
      validPipeline.replace('exclusive: true,', 'exclusive: true, gate: { cap: 30 },'),
      'schema',
      29,
      'tiers[2].steps[1].gate.cap',
      'unknown key "cap"',
    ],
    [
      'a coverage floor over 100',
      validPipeline.replace(
        'args: [feature/demo] }',
        'args: [feature/demo], coverage: { lines: 120 } }',
      ),
      'schema',
      28,
      'tiers[2].steps[0].coverage',
      'must be off, or floors such as { lines: 90, branches: 80, perFile: true }',
    ],
    [
      'a coverage that is neither off nor floors',
      validPipeline.replace('args: [feature/demo] }', 'args: [feature/demo], coverage: on }'),
      'schema',
      28,
      'tiers[2].steps[0].coverage',
      'must be off, or floors such as',
    ],
    [
      'an unknown feature kind',
      validPipeline.replace('  name: demo-feature\n', '  name: demo-feature\n  kind: plugin\n'),
      'schema',
      4,
      'feature.kind',
      'expected one of: library, application',
    ],
    [
      'an entry that is a folder',
      validPipeline.replace('entry: feature/demo/src/index.ts', 'entry: feature/demo/src'),
      'missing-path',
      6,
      'feature.entry',
      'is a directory, not a file',
    ],
  ];

  it.each(cases)(
    'refuses %s, naming the line and the key',
    async (_, text, problem, line, keyPath, detail) => {
      const error = await problemOf(text);
      expect(error.problem).toBe(problem);
      expect(error.location?.line).toBe(line);
      expect(error.location?.keyPath).toBe(keyPath);
      expect(error.detail).toContain(detail);
      expect(error.message).toContain(`certify.yaml:${line}:`);
      // The key is named once, by the detail or before it.
      if (keyPath !== '') expect(error.message.split(keyPath).length - 1).toBe(1);
    },
  );

  it('lists every schema problem, each with its line', async () => {
    const error = await problemOf(
      validPipeline
        .replace('    concurrency: 3', '    concurency: 3')
        .replace('timeoutSeconds: 120', 'timeoutSeconds: soon'),
    );
    expect(error.message.split('\n')).toEqual([
      expect.stringContaining('certify.yaml:19:5: tiers[1].concurency: unknown key') as string,
      '  23:25: tiers[1].steps[0].timeoutSeconds must be a number, not the string "soon"',
    ]);
  });

  it('accepts a list of gated cases under one budget, the peers and the gate settings', async () => {
    project.write(
      'pipeline/certify.yaml',
      validPipeline
        .replace(
          'ticksPerEvent: { case: demo/hot-path, max: 8 }',
          'ticksPerEvent: { cases: [demo/hot-path, demo/mixed], max: 8 }',
        )
        .replace(
          'exclusive: true,',
          'exclusive: true, peers: true, gate: { confidence: 0.99, timeCapSeconds: 20, minProcesses: 2, maxProcesses: 6, windowMs: 50 },',
        ),
    );
    const pipeline = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root });
    expect(gatedCasesOf(pipeline.budgets.ticksPerEvent)).toEqual(['demo/hot-path', 'demo/mixed']);
    const step = pipeline.tiers[2]?.steps[1];
    expect(step?.kind === 'tick-bench' && step).toMatchObject({
      peers: true,
      gate: {
        confidence: 0.99,
        timeCapSeconds: 20,
        minProcesses: 2,
        maxProcesses: 6,
        windowMs: 50,
      },
    });
  });

  it('still takes the single-case form of the tick budget', async () => {
    project.write('pipeline/certify.yaml', validPipeline);
    const pipeline = await loadPipeline('pipeline/certify.yaml', { projectRoot: project.root });
    expect(gatedCasesOf(pipeline.budgets.ticksPerEvent)).toEqual(['demo/hot-path']);
  });

  it('refuses an alias bomb without expanding it', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const error = await problemOf(bomb);
    expect(error.problem).toBe('syntax');
    expect(error.message).toContain('alias');
  });

  it('refuses a key given twice', async () => {
    const error = await problemOf(
      validPipeline.replace('registry: registry', 'registry: registry\nregistry: x'),
    );
    expect(error.problem).toBe('syntax');
    expect(error.location?.line).toBe(8);
  });
});

describe('the pipeline schema', () => {
  it('lists exactly the step kinds certify implements', () => {
    const kinds = pipelineSchema.definitions.step.oneOf.map(({ $ref }) => {
      const branch: unknown = pipelineSchema.definitions[$ref.split('/').at(-1) as 'commandStep'];
      return (branch as { properties: { kind: { const: string } } }).properties.kind.const;
    });
    expect(kinds).toEqual([...stepKinds]);
  });
});
