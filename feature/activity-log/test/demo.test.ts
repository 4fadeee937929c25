import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { OtlpReceiver, type ReceiverMode } from './support/otlp-receiver.ts';
import { attributeDefinitions, metricDefinitions, spanDefinitions } from './support/registry.ts';

const demo = new URL('../demo/main.ts', import.meta.url).pathname;

describe('the demo workload, run as a real process against a real OTLP gRPC receiver', () => {
  let receiver: OtlpReceiver | undefined;
  afterEach(async () => {
    await receiver?.stop();
  });

  async function runDemo(mode: ReceiverMode) {
    receiver = await OtlpReceiver.start(mode);
    const run = await execa('node', ['--import', 'tsx', demo], {
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint },
      reject: false,
      timeout: 60_000,
    });
    return { run, receiver };
  }

  it('exits 0 after delivering spans and metrics that name everything in the registry', async () => {
    const { run, receiver } = await runDemo('accept');
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/events stored, \d+ duplicates acknowledged, \d+ refused/);
    expect(receiver.requests.traces.length).toBeGreaterThan(0);
    expect(receiver.requests.metrics.length).toBeGreaterThan(0);
    const missing = [
      ...[...spanDefinitions().keys()].filter((name) => !receiver.received('traces', name)),
      ...[...metricDefinitions().keys()].filter((name) => !receiver.received('metrics', name)),
      ...[...attributeDefinitions().keys()].filter(
        (key) => !receiver.received('traces', key) && !receiver.received('metrics', key),
      ),
    ];
    expect(missing).toEqual([]);
  });

  it('exits 2 and says what failed when the receiver refuses the exports', async () => {
    const { run, receiver } = await runDemo('reject');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`telemetry to ${receiver.endpoint} was not delivered`);
    expect(run.stderr).toContain('PERMISSION_DENIED');
  });
});
