import { describe, expect, it } from 'vitest';
import {
  certificationPredicate,
  renderJUnit,
  renderMarkdown,
  validateCertificationReport,
} from '../../src/report/index.ts';
import { failingReport, passingReport } from './fixture-run.ts';

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
    expect(result.ok ? [] : result.problems).toContain(problem);
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
      '| `demo/hot-path` | 3.10 ticks | 2.90 | 4.40 | 8.00 ticks | 1.19 ns | 60 | 2.600 GHz (/proc/cpuinfo "cpu MHz") |',
    );
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
});
