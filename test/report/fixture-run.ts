import type { RunResult, StepResult } from '../../src/runner/index.ts';
import { buildReport, type CertificationReport } from '../../src/report/index.ts';
import type { TickDecision, TickFigures } from '../../src/steps/index.ts';
import { fixturePipeline } from '../steps/step-context.ts';

/** The tick gate's figures for the demo's hot path, with the given decision. */
function tickFigures(decision: TickDecision): TickFigures {
  const pass = decision === 'pass';
  return {
    budget: 8,
    decision,
    confidence: 0.95,
    perLookLevel: 0.99375,
    rule: 'Each measuring process gives its median; pass when the upper bound is under the budget.',
    minProcesses: 3,
    maxProcesses: 10,
    timeCapSeconds: 30,
    elapsedSeconds: pass ? 4.1 : 13.9,
    tickGhz: 2.6,
    tickSource: '/proc/cpuinfo "cpu MHz"',
    gated: [
      {
        case: 'demo/hot-path',
        decision,
        interval: pass
          ? { estimate: 3.1, lower: 2.98, upper: 3.22, level: 0.99375 }
          : { estimate: 8, lower: 6.1, upper: 9.9, level: 0.99375 },
        ticksPerEvent: { min: 2.9, p50: 3.1, p99: 4.4 },
        nsPerEvent: { min: 1.12, p50: 1.19, p99: 1.69 },
        processes: pass ? 3 : 10,
        samples: pass ? 1860 : 6120,
        processMedians: pass
          ? [3.08, 3.12, 3.1]
          : [6.5, 9.5, 7.2, 8.8, 7.9, 8.1, 6.9, 9.1, 7.6, 8.4],
        noise: {
          withinProcessSpread: 0.081,
          betweenProcessSpread: pass ? 0.012 : 0.164,
          stealPercent: 0,
          otherCpuCores: pass ? 0.04 : 1.37,
          descheduledPercent: pass ? 0.5 : 31.2,
          involuntarySwitchesPerSecond: 12,
          loadAverage: pass ? 0.4 : 3.6,
          slowdown: pass ? 1.005 : 1.45,
        },
      },
    ],
  };
}

/** A step result of each status and each kind of details the report renders. */
export const steps = {
  registry: {
    id: 'registry-check',
    name: 'registry-check',
    kind: 'registry-check',
    status: 'pass',
    reason: '0 errors, 1 warning',
    durationMs: 812,
    details: { kind: 'diagnostics', errors: 0, warnings: 1 },
  },
  ticks: {
    id: 'tick-bench',
    name: 'tick-bench',
    kind: 'tick-bench',
    status: 'pass',
    reason:
      'demo/hot-path: 99.375% interval [2.98, 3.22] around 3.10 ticks per event over 3 processes, within the budget of 8',
    durationMs: 5_500,
    details: { kind: 'ticks', figures: tickFigures('pass') },
  },
  ticksInconclusive: {
    id: 'tick-bench',
    name: 'tick-bench',
    kind: 'tick-bench',
    status: 'inconclusive',
    reason:
      'demo/hot-path: 99.375% interval [6.10, 9.90] around 8.00 ticks per event over 10 processes straddles the budget of 8',
    durationMs: 14_200,
    details: {
      kind: 'ticks',
      figures: {
        ...tickFigures('inconclusive'),
        profiles: [
          {
            case: 'demo/hot-path',
            cpuprofile: 'tick-profile-demo-hot-path.cpuprofile',
            flameGraph: 'tick-profile-demo-hot-path.svg',
            hottest: [
              {
                function: 'scanRows',
                file: 'feature/demo/src/scan.ts',
                line: 42,
                selfPercent: 38.5,
              },
              { function: 'copyRows', file: 'feature/demo/src/copy.ts', line: 7, selfPercent: 21 },
            ],
          },
        ],
      },
    },
  },
  audit: {
    id: 'security-audit',
    name: 'security-audit',
    kind: 'security-audit',
    status: 'pass',
    reason: 'no unsafe code, no secrets',
    durationMs: 900,
    findings: [{ rule: 'npm-audit-unavailable', message: 'npm audit could not run: 405' }],
    details: {
      kind: 'checks',
      checks: [
        { name: 'unsafe code', status: 'pass', reason: 'none', advisory: false },
        {
          name: 'npm audit',
          status: 'inconclusive',
          reason: '405 Method Not Allowed',
          advisory: true,
        },
      ],
    },
  },
  lint: {
    id: 'eslint',
    name: 'eslint',
    kind: 'command',
    status: 'fail',
    reason: 'eslint --max-warnings 0 exited with code 1',
    durationMs: 4_200,
    findings: [
      {
        rule: 'no-unused-vars',
        message: 'x is <unused> & "bad" | here',
        file: 'src/a.ts',
        line: 3,
        column: 7,
      },
    ],
    details: { kind: 'command', argv: ['eslint', '--max-warnings', '0'], exitCode: 1 },
    outputTail: ['src/a.ts', '  3:7  warning  x is unused'],
  },
  live: {
    id: 'live-check',
    name: 'live-check',
    kind: 'live-check',
    status: 'inconclusive',
    reason: 'not run: the live-check step is not implemented',
    durationMs: 0,
  },
  tests: {
    id: 'tests',
    name: 'tests',
    kind: 'vitest',
    status: 'skipped',
    reason: 'not run: Tier 2 failed',
    durationMs: 0,
  },
} satisfies Record<string, StepResult>;

export function runOf(tiers: { id: string; steps: StepResult[] }[]): RunResult {
  return {
    startedAt: new Date('2026-11-26T20:00:00.000Z'),
    finishedAt: new Date('2026-11-26T20:01:05.500Z'),
    interrupted: false,
    tiers: tiers.map((tier) => ({
      id: tier.id,
      name: `Tier ${tier.id}`,
      status: tier.steps.some((s) => s.status === 'fail') ? 'fail' : 'pass',
      durationMs: 1000,
      steps: tier.steps,
    })),
  };
}

export function reportOf(
  tiers: { id: string; steps: StepResult[] }[],
  selfSigned = true,
): CertificationReport {
  return buildReport({
    pipeline: fixturePipeline('/project'),
    run: runOf(tiers),
    options: { keepGoing: false, only: [] },
    signer: {
      keyid: 'ab'.repeat(32),
      selfSigned,
      source: 'the local self-signing key .certify/signing-key.pem',
    },
    git: { commit: 'c'.repeat(40), workingTree: 'clean' },
  });
}

export const passingReport = (): CertificationReport =>
  reportOf([
    { id: '1', steps: [steps.registry] },
    { id: '3', steps: [steps.ticks, steps.audit] },
  ]);

export const failingReport = (): CertificationReport =>
  reportOf([
    { id: '1', steps: [steps.registry, steps.live] },
    { id: '2', steps: [steps.lint] },
    { id: '3', steps: [steps.tests] },
  ]);
