/**
 * Gate integrity: a check that cannot fail is a defect. The project is copied to a temporary
 * folder, one fault is injected at a time, and the real `certify` runs the shipped pipeline on
 * the copy (its benchmark and test selection shortened, see quickPipeline): each fault must fail
 * certification at the right tier and step, and the clean copy must be certified.
 *
 * It takes minutes, so it has its own command, `npm run test:gate`, which CI runs after `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificationReport } from '../../src/report/index.ts';
import { projectRoot } from '../support/run-certify.ts';
import { copyProject, projectFiles, quickPipeline, type ProjectCopy } from './project-copy.ts';

/** Beside the shipped pipeline's folder, so that the format check sees the project as shipped. */
const GATE_PIPELINE = '.gate/pipeline.yaml';
/** The injected failing test, and one real test file of the feature so that the clean run tests. */
const FAULT_TEST = 'feature/activity-log/test/fault.test.ts';
const GATE_TESTS = ['feature/activity-log/test/tutorial.test.ts', FAULT_TEST];
const RUN_TIMEOUT_MS = 300_000;

interface Fault {
  /** What is wrong with the copy. */
  readonly name: string;
  readonly inject: (copy: ProjectCopy) => void;
  /** The tier that must fail first, and exactly which of its steps fail. */
  readonly tier: string;
  readonly steps: readonly string[];
  /** Something the failing steps must say about the fault. */
  readonly evidence: RegExp;
}

const faults: readonly Fault[] = [
  {
    name: 'an invalid registry (a span without span_kind)',
    inject: (copy) => {
      copy.edit('registry/spans.yaml', '    span_kind: internal\n', '');
    },
    tier: 'weaver',
    // The live check needs a valid registry too, so it cannot run either.
    steps: ['registry-check', 'live-check'],
    evidence: /InvalidSpanMissingSpanKind/,
  },
  {
    name: 'telemetry missing a required attribute (activity.batch.size)',
    inject: (copy) => {
      copy.edit(
        'feature/activity-log/src/telemetry/record.ts',
        '  span.setAttribute(ATTR_BATCH_SIZE, outcome.size);\n',
        '',
      );
    },
    tier: 'weaver',
    steps: ['live-check'],
    evidence: /required_attribute_not_present: .*activity\.batch\.size/,
  },
  {
    name: 'a type error',
    inject: (copy) => {
      copy.write('feature/activity-log/src/fault.ts', "export const retries: number = 'three';\n");
    },
    tier: 'quality',
    steps: ['typecheck'],
    evidence: /exited with code [12]|TS2322/,
  },
  {
    name: 'a lint warning',
    inject: (copy) => {
      copy.write(
        'feature/activity-log/src/fault.ts',
        '/* eslint prefer-const: "warn" */\nlet retries = 3;\nexport const maxRetries = retries;\n',
      );
    },
    tier: 'quality',
    steps: ['lint'],
    evidence: /prefer-const/,
  },
  {
    name: 'a formatting drift',
    inject: (copy) => {
      copy.write('feature/activity-log/src/fault.ts', 'export const retries   =  {count:3}\n');
    },
    tier: 'quality',
    steps: ['format'],
    evidence: /fault\.ts/,
  },
  {
    name: 'a failing test',
    inject: (copy) => {
      copy.write(
        FAULT_TEST,
        [
          "import { expect, it } from 'vitest';",
          "import { ActivityLog } from '../src/index.ts';",
          '',
          "it('holds an event nobody logged (injected fault)', () => {",
          '  expect(new ActivityLog().countEvents()).toBe(1);',
          '});',
          '',
        ].join('\n'),
      );
    },
    tier: 'tests',
    steps: ['tests'],
    evidence: /holds an event nobody logged/,
  },
  {
    name: 'a hot path slowed past its budget',
    inject: (copy) => {
      const anchor = '  const storedByAction = new Uint32Array(ACTION_SLOTS);\n';
      const spin = [
        '  // Injected fault: about 100 ns of spinning per row.',
        '  const spinUntil = performance.now() + count * 1e-4;',
        '  while (performance.now() < spinUntil) {',
        '    // spin',
        '  }',
        '',
      ].join('\n');
      copy.edit('feature/activity-log/src/batch/core.ts', anchor, `${anchor}${spin}`);
    },
    tier: 'tests',
    steps: ['tick-bench'],
    evidence: /over the budget of 8/,
  },
  {
    name: 'a hard-coded secret',
    inject: (copy) => {
      copy.write(
        'feature/activity-log/src/fault.ts',
        "/** Where refused events are shipped. */\nexport const shippingApiKey = 'c2hpcHBpbmctc2VjcmV0LTIwMjY';\n",
      );
    },
    tier: 'tests',
    steps: ['security-audit'],
    evidence: /fault\.ts/,
  },
  {
    name: 'an undocumented export',
    inject: (copy) => {
      copy.edit(
        'feature/activity-log/src/action-type.ts',
        /\/\*\*\n \* The batch action code[\s\S]*?\*\/\n(export function actionCodeOf)/,
        '$1',
      );
    },
    tier: 'tests',
    steps: ['docs-check'],
    evidence: /actionCodeOf/,
  },
];

/** certify's own environment, without the variables of the Vitest run that hosts this suite. */
function cleanEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || name.startsWith('VITEST') || name === 'NODE_OPTIONS') continue;
    env[name] = value;
  }
  return { ...env, CI: '1', FORCE_COLOR: '0' };
}

interface Certification {
  readonly exitCode: number;
  readonly report: CertificationReport;
  readonly output: string;
}

async function certifyCopy(copy: ProjectCopy): Promise<Certification> {
  const run = await execa(
    'node',
    [join(copy.root, 'bin/certify.js'), '--pipeline', GATE_PIPELINE, '--renderer', 'plain'],
    { cwd: copy.root, env: cleanEnvironment(), extendEnv: false, reject: false, all: true },
  );
  const reportText = readFileSync(join(copy.root, 'reports/certification.json'), 'utf8');
  return {
    exitCode: run.exitCode ?? -1,
    report: JSON.parse(reportText) as CertificationReport,
    output: run.all,
  };
}

/** Each tier's status, and the failed steps of the failed tiers: `quality:fail[lint]`. */
function outcomeOf(report: CertificationReport): string[] {
  return report.tiers.map((tier) => {
    const failed = tier.steps.filter((step) => step.status === 'fail').map((step) => step.id);
    return `${tier.id}:${tier.status}${failed.length > 0 ? `[${failed.join(',')}]` : ''}`;
  });
}

function expectedOutcome(report: CertificationReport, fault: Fault): string[] {
  const failedAt = report.tiers.findIndex((tier) => tier.id === fault.tier);
  return report.tiers.map((tier, index) => {
    if (index < failedAt) return `${tier.id}:pass`;
    if (index === failedAt) return `${tier.id}:fail[${fault.steps.join(',')}]`;
    return `${tier.id}:skipped`;
  });
}

/** What the failing steps said: their reasons, findings and output. */
function evidenceOf(report: CertificationReport): string {
  return report.tiers
    .flatMap((tier) => tier.steps)
    .filter((step) => step.status === 'fail')
    .flatMap((step) => [
      step.reason,
      ...step.findings.map((f) => `${f.rule}: ${f.message} ${f.file ?? ''}`),
      ...(step.outputTail ?? []),
    ])
    .join('\n');
}

describe('gate integrity: each injected fault fails certification at the right tier and step', () => {
  let files: string[] = [];
  let pipeline = '';
  const copies: ProjectCopy[] = [];

  beforeAll(async () => {
    files = await projectFiles(projectRoot);
    const shipped = readFileSync(resolve(projectRoot, 'pipeline/certify.yaml'), 'utf8');
    pipeline = quickPipeline(shipped, GATE_TESTS);
  });
  afterAll(() => {
    for (const copy of copies) copy.remove();
  });

  function freshCopy(): ProjectCopy {
    const copy = copyProject(projectRoot, files);
    copies.push(copy);
    copy.write(GATE_PIPELINE, pipeline);
    return copy;
  }

  it('certifies the clean copy', { timeout: RUN_TIMEOUT_MS }, async () => {
    const run = await certifyCopy(freshCopy());
    expect(outcomeOf(run.report), run.output).toEqual(
      run.report.tiers.map((tier) => `${tier.id}:pass`),
    );
    expect(run.report.verdict.certified).toBe(true);
    expect(run.exitCode).toBe(0);
  });

  it.each(faults)('$name', { timeout: RUN_TIMEOUT_MS }, async (fault) => {
    const copy = freshCopy();
    fault.inject(copy);
    const run = await certifyCopy(copy);
    expect(outcomeOf(run.report), run.output).toEqual(expectedOutcome(run.report, fault));
    expect(evidenceOf(run.report)).toMatch(fault.evidence);
    expect(run.report.verdict.certified).toBe(false);
    expect(run.exitCode).toBe(1);
  });
});
