import { describe, expect, it } from 'vitest';
import type { Exemption } from '../../src/pipeline/index.ts';
import {
  buildReport,
  certificationPredicate,
  renderJUnit,
  renderMarkdown,
  validateCertificationReport,
  type CertificationReport,
} from '../../src/report/index.ts';
import type { StepResult } from '../../src/runner/index.ts';
import { fixturePipeline } from '../steps/step-context.ts';
import { failingReport, passingReport, reportOf, runOf, steps } from './fixture-run.ts';

const inconclusiveTickReport = () =>
  reportOf([{ id: '3', steps: [steps.ticksInconclusive, steps.audit] }]);

describe('the certification report', () => {
  it('is certified only when every step passed, with advisory gaps said aloud', () => {
    const report = passingReport();
    expect(report.verdict).toEqual({
      certified: true,
      summary: 'CERTIFIED: all 3 steps passed',
      notes: [
        'security-audit: npm audit could not be checked (405 Method Not Allowed); it did not decide the step',
      ],
    });
    expect(report.pipeline).toBe('pipeline/certify.yaml');
    expect(report.durationMs).toBe(65_500);
    expect(report.environment.node).toBe(process.version);
    expect(report.environment.certifyVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is not certified when a step failed, was inconclusive or skipped, naming them', () => {
    expect(failingReport().verdict).toEqual({
      certified: false,
      summary:
        'NOT CERTIFIED: 1 of 4 steps passed; 1 failed (eslint), 1 inconclusive (live-check), 1 skipped (tests)',
      notes: [],
    });
  });

  it('is valid against its shipped schema, whatever the steps concluded', () => {
    expect(validateCertificationReport(passingReport())).toMatchObject({ ok: true });
    expect(validateCertificationReport(failingReport())).toMatchObject({ ok: true });
    expect(validateCertificationReport(inconclusiveTickReport())).toMatchObject({ ok: true });
    expect(certificationPredicate.validate(JSON.parse(JSON.stringify(failingReport())))).toEqual({
      ok: true,
    });
  });

  it.each([
    [
      'a missing verdict',
      (r: Record<string, unknown>) => ({ ...r, verdict: undefined }),
      "(top level): must have required property 'verdict'",
    ],
    [
      'an unknown key',
      (r: Record<string, unknown>) => ({ ...r, extra: 1 }),
      '(top level): unknown key "extra"',
    ],
    [
      'a bad date',
      (r: Record<string, unknown>) => ({ ...r, startedAt: 'yesterday' }),
      'startedAt: must match format "date-time"',
    ],
    [
      'a step with an unknown status',
      (r: Record<string, unknown>) => {
        const tiers = structuredClone(r.tiers) as { steps: { status: string }[] }[];
        const [first] = tiers;
        if (first?.steps[0]) first.steps[0].status = 'passed';
        return { ...r, tiers };
      },
      'tiers[0].steps[0].status: must be equal to one of the allowed values',
    ],
    [
      'a tick decision that is not pass, fail or inconclusive',
      (r: Record<string, unknown>) => {
        const tiers = structuredClone(passingReport().tiers) as unknown as {
          steps: { details?: { figures?: { decision: string } } }[];
        }[];
        const figures = tiers[1]?.steps[0]?.details?.figures;
        if (figures !== undefined) figures.decision = 'maybe';
        return { ...r, tiers };
      },
      'tiers[1].steps[0].details.figures.decision: must be equal to one of the allowed values',
    ],
    [
      'budgets naming no gated case',
      (r: Record<string, unknown>) => ({
        ...r,
        budgets: { ticksPerEvent: { cases: [], max: 8 }, liveCheckCoverage: 100 },
      }),
      'budgets.ticksPerEvent.cases: must NOT have fewer than 1 items',
    ],
    [
      'a certified verdict over a failed step',
      (r: Record<string, unknown>) => ({
        ...r,
        verdict: { certified: true, summary: 'CERTIFIED', notes: [] },
      }),
      'verdict: certified, but step "live-check" is inconclusive',
    ],
  ])('refuses %s, saying where', (_, change, problem) => {
    const report = JSON.parse(JSON.stringify(failingReport())) as Record<string, unknown>;
    const result = validateCertificationReport(JSON.parse(JSON.stringify(change(report))));
    expect(result.ok).toBe(false);
    expect((result.ok ? [] : result.problems).some((found) => found.startsWith(problem))).toBe(
      true,
    );
  });
});

describe('the Markdown report', () => {
  it('has the verdict line, the signer, a table per tier and the tick figures with their frequency and source', () => {
    const markdown = renderMarkdown(passingReport());
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# Certification report: demo');
    expect(lines[2]).toBe('**CERTIFIED: all 3 steps passed**');
    expect(markdown).toContain('> Note: security-audit: npm audit could not be checked');
    expect(markdown).toContain('**self-signed**, a local key nobody vouches for');
    expect(markdown).toContain('## Tier 1: ✅ PASS (1.0 s)');
    expect(markdown).toContain('| registry-check | ✅ PASS | 0.8 s | 0 errors, 1 warning |');
    expect(markdown).toContain(
      'Gate: **✅ PASS** at 95% confidence (each interval at 99.375%); 3 to 10 processes per case, time cap 30 s; took 4.1 s. Clock 2.600 GHz (/proc/cpuinfo "cpu MHz").',
    );
    expect(markdown).toContain(
      '| `demo/hot-path` | ✅ PASS | [2.98, 3.22] at 99.375% | 3.10 ticks | 8.00 ticks | 3.10 (2.90 to 4.40) | 1.19 ns | 3 | 1860 | 8.1% | 1.2% | 0.0% | 0.04 cores | 0.5% | 0.40 |',
    );
    expect(markdown).toContain(
      'Process medians of `demo/hot-path` (ticks per event, in order): 3.08, 3.12, 3.10.',
    );
    expect(markdown).toContain('Decision rule: Each measuring process gives its median');
  });

  it('shows an inconclusive tick gate with its interval, its noise and links to its flame graph', () => {
    const markdown = renderMarkdown(inconclusiveTickReport());
    expect(markdown).toContain(
      '**NOT CERTIFIED: 1 of 2 steps passed; 1 inconclusive (tick-bench)**',
    );
    expect(markdown).toContain('Gate: **⚠️ INCONCLUSIVE** at 95% confidence');
    expect(markdown).toContain(
      '| `demo/hot-path` | ⚠️ INCONCLUSIVE | [6.10, 9.90] at 99.375% | 8.00 ticks | 8.00 ticks | 3.10 (2.90 to 4.40) | 1.19 ns | 10 | 6120 | 8.1% | 16.4% | 0.0% | 1.37 cores | 31.2% | 3.60 |',
    );
    expect(markdown).toContain(
      '- `demo/hot-path`: [flame graph](tick-profile-demo-hot-path.svg), [CPU profile](tick-profile-demo-hot-path.cpuprofile) (Chrome DevTools, speedscope); hottest by self time: `scanRows` (`feature/demo/src/scan.ts:42`) 38.5%, `copyRows` (`feature/demo/src/copy.ts:7`) 21.0%',
    );
    expect(markdown).toContain('### Tier 3 › tick-bench: ⚠️ INCONCLUSIVE');
  });

  it('lists the findings of the steps that did not pass, with their output', () => {
    const markdown = renderMarkdown(failingReport());
    expect(markdown).toContain('**NOT CERTIFIED: 1 of 4 steps passed;');
    expect(markdown).toContain('### Tier 2 › eslint: ❌ FAIL');
    expect(markdown).toContain('- `src/a.ts:3:7` x is <unused> & "bad" | here (no-unused-vars)');
    expect(markdown).toContain('```\nsrc/a.ts\n  3:7  warning  x is unused\n```');
    expect(markdown).toContain('### Tier 1 › live-check: ⚠️ INCONCLUSIVE');
    expect(markdown).toContain('| tests | ⏭️ SKIPPED | 0.0 s | not run: Tier 2 failed |');
    expect(markdown).not.toContain('## Tick figures');
  });
});

describe('the JUnit report', () => {
  it('has one test case per step: failure, error for inconclusive, skipped', () => {
    const xml = renderJUnit(failingReport());
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain(
      '<testsuites name="certify: demo" tests="4" failures="1" errors="1" skipped="1" time="65.500">',
    );
    expect(xml).toContain('<testcase classname="2" name="eslint" time="4.200">');
    expect(xml).toContain(
      '<failure message="eslint --max-warnings 0 exited with code 1" type="fail">',
    );
    expect(xml).toContain(
      'src/a.ts:3:7: x is &lt;unused&gt; &amp; &quot;bad&quot; | here (no-unused-vars)',
    );
    expect(xml).toContain(
      '<error message="inconclusive: not run: the live-check step is not implemented" type="inconclusive">',
    );
    expect(xml).toContain('<skipped message="not run: Tier 2 failed"/>');
  });

  it('gives the tick gate its decision, interval, processes, noise and rule, whatever its status', () => {
    const passing = renderJUnit(passingReport());
    expect(passing).toContain('<property name="tick.decision" value="pass"/>');
    expect(passing).toContain('<property name="tick.demo/hot-path.lower" value="2.98"/>');
    expect(passing).toContain('<property name="tick.demo/hot-path.upper" value="3.22"/>');
    expect(passing).toContain('<property name="tick.demo/hot-path.level" value="0.99375"/>');
    expect(passing).toContain('<property name="tick.demo/hot-path.processes" value="3"/>');
    expect(passing).toContain(
      'demo/hot-path: pass, interval [2.98, 3.22] at 99.375%, estimate 3.10, 3 processes, 1860 samples; noise: within-process spread 8.1%, between processes 1.2%, steal 0.0%, other processes 0.04 cores, descheduled 0.5%, load 0.40',
    );
    expect(passing).toContain('rule: Each measuring process gives its median');

    const inconclusive = renderJUnit(inconclusiveTickReport());
    expect(inconclusive).toContain('<property name="tick.decision" value="inconclusive"/>');
    expect(inconclusive).toMatch(
      /<error message="inconclusive: demo\/hot-path: 99\.375% interval \[6\.10, 9\.90\][^"]*" type="inconclusive">[^<]*demo\/hot-path: inconclusive, interval \[6\.10, 9\.90\] at 99\.375%/,
    );
    expect(inconclusive).toContain(
      'profile: demo/hot-path: tick-profile-demo-hot-path.svg, tick-profile-demo-hot-path.cpuprofile',
    );
  });
});

describe('written exemptions in the report', () => {
  const entry = (line: number, fields: Partial<Exemption> = {}): Exemption => ({
    check: 'skipped-test',
    file: 'feature/demo/test/**',
    reason: 'needs the reference schemas, absent from a clone on its own',
    owner: 'demo team',
    expires: '2027-06-30',
    source: { file: 'pipeline/exemptions.yaml', line },
    ...fields,
  });
  const testsStep = {
    id: 'tests',
    name: 'test suite',
    kind: 'vitest',
    status: 'pass',
    reason: '1 passed, 0 failed, 1 skipped (1 exempted)',
    durationMs: 2_000,
    findings: [
      {
        rule: 'skipped-test',
        message: 'needs the schemas is skipped',
        file: 'feature/demo/test/a.test.ts',
        line: 4,
        exemption: {
          reason: 'needs the reference schemas, absent from a clone on its own',
          owner: 'demo team',
          expires: '2027-06-30',
          source: 'pipeline/exemptions.yaml:3',
        },
      },
    ],
    details: {
      kind: 'tests',
      counts: { passed: 1, failed: 0, skipped: 1, total: 2 },
      coverage: {
        linesPercent: 96.5,
        branchesPercent: 81.25,
        lines: { covered: 193, total: 200 },
        branches: { covered: 65, total: 80 },
        files: 12,
        floors: { lines: 90, perFile: true },
      },
    },
  } satisfies StepResult;

  function exemptedReport(): CertificationReport {
    return buildReport({
      pipeline: {
        ...fixturePipeline('/project', [
          entry(3),
          entry(9, { check: 'ts-ignore', file: 'feature/demo/src/**' }),
          entry(15, { match: 'another test' }),
          entry(21, { expires: '2026-01-31' }),
        ]),
        exemptions: 'pipeline/exemptions.yaml',
      },
      run: runOf([{ id: '3', steps: [testsStep] }]),
      options: { keepGoing: false, only: [] },
      signer: { keyid: 'ab'.repeat(32), selfSigned: true, source: 'a local key' },
      git: { commit: 'c'.repeat(40), workingTree: 'clean' },
    });
  }

  it('records what became of each exemption: applied, not checked, stale, expired', () => {
    const report = exemptedReport();
    expect(report.exemptions?.map((e) => [e.source, e.status, e.findings])).toEqual([
      ['pipeline/exemptions.yaml:3', 'applied', 1],
      ['pipeline/exemptions.yaml:9', 'not-checked', 0],
      ['pipeline/exemptions.yaml:15', 'stale', 0],
      ['pipeline/exemptions.yaml:21', 'expired', 0],
    ]);
    expect(validateCertificationReport(JSON.parse(JSON.stringify(report)))).toMatchObject({
      ok: true,
    });
  });

  it('never passes an exempted finding silently: the verdict says it, and names stale entries', () => {
    const { verdict } = exemptedReport();
    expect(verdict.summary).toBe('CERTIFIED: all 1 steps passed, with 1 exempted finding');
    expect(verdict.notes).toEqual([
      'tests: exempted skipped-test at feature/demo/test/a.test.ts:4: needs the reference schemas, absent from a clone on its own (demo team, until 2027-06-30, pipeline/exemptions.yaml:3)',
      'the exemption at pipeline/exemptions.yaml:15 (skipped-test in feature/demo/test/**) matched no finding in this run: remove it when it is no longer needed',
    ]);
  });

  it('renders the exemptions, the exempted finding and the coverage figures in Markdown', () => {
    const markdown = renderMarkdown(exemptedReport());
    expect(markdown).toContain('## Exemptions');
    expect(markdown).toContain(
      '| `pipeline/exemptions.yaml:3` | skipped-test | `feature/demo/test/**` | needs the reference schemas, absent from a clone on its own | demo team | 2027-06-30 | applied to 1 |',
    );
    expect(markdown).toContain('| 2026-01-31 | **expired**: a finding |');
    expect(markdown).toContain(
      '- `feature/demo/test/a.test.ts:4` needs the schemas is skipped (skipped-test) — **exempted** until 2027-06-30 by demo team',
    );
    expect(markdown).toContain('## Test coverage of `feature/demo/src`');
    expect(markdown).toContain(
      '| test suite | 96.5% (193 of 200) | 81.3% (65 of 80) | 12 | 90% of lines, in total and per file |',
    );
  });
});
