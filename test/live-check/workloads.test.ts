/**
 * The live check on real workloads against the project's registry, through the real command line:
 * the activity log's demo must pass with full coverage; a deliberately wrong workload must fail
 * with exactly the findings its mistakes call for.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LiveCheckDocument } from '../../src/live-check/index.ts';
import { projectRoot, runCertify } from '../support/run-certify.ts';

const freePorts = ['--otlp-grpc-port', '0', '--otlp-http-port', '0', '--admin-port', '0'];

async function liveCheck(command: string[]) {
  const run = await runCertify([
    'registry',
    'live-check',
    '-r',
    'registry',
    ...freePorts,
    '--format',
    'json',
    '--fail-on-coverage-below',
    '100',
    '--',
    ...command,
  ]);
  return { exitCode: run.exitCode, document: JSON.parse(run.stdout) as LiveCheckDocument };
}

describe('live-check against the activity-log registry', () => {
  it('passes the demo workload: no violation, 100% coverage, nothing outside the registry', async () => {
    const demo = resolve(projectRoot, 'feature/activity-log/demo/main.ts');
    const { exitCode, document } = await liveCheck(['node', '--import', 'tsx', demo]);
    expect(document.verdict).toBe('pass');
    expect(document.statistics.findings_by_level.violation).toBe(0);
    expect(document.statistics.registry_coverage).toBe(100);
    expect(document.statistics.not_in_registry).toEqual({
      attributes: {},
      spans: {},
      metrics: {},
      events: {},
    });
    expect(exitCode).toBe(0);
  });

  it('fails the wrong workload with exactly the findings its mistakes call for', async () => {
    const wrong = resolve(import.meta.dirname, 'fixtures/wrong-workload.mjs');
    const { exitCode, document } = await liveCheck(['node', wrong]);
    const findings = document.findings.map(
      ({ finding, count }) =>
        `${finding.level} ${finding.id} ${finding.signal_name ?? ''}: ${finding.message} ×${count}`,
    );
    expect(findings.sort()).toEqual([
      "information conditionally_required_attribute_not_present activity.log_event: Conditionally required attribute 'error.type' is not present. ×2",
      "information conditionally_required_attribute_not_present activity.log_event: Conditionally required attribute 'user.id' is not present. ×1",
      "violation missing_attribute activity.log_event: Attribute 'session.token' is not defined in the registry. ×1",
      "violation type_mismatch activity.log_event: Attribute 'user.id' has type 'string'; the registry says 'int'. ×1",
      "violation unexpected_instrument activity.events.total: Metric 'activity.events.total' was recorded with an updowncounter; the registry says counter. ×1",
      "violation unit_mismatch activity.log_duration: Metric 'activity.log_duration' has unit 's'; the registry says 'ms'. ×1",
    ]);
    expect(document.reasons).toContain('4 violations (--fail-on violation)');
    expect(exitCode).toBe(1);
  });
});
