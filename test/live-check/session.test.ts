import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { runLiveCheck, type LiveCheckOptions } from '../../src/live-check/index.ts';
import { inlineRegistry } from './support/registry.ts';
import { attr, ref, registryYaml, spanYaml } from './support/yaml.ts';
import { listen, sendHttp, stopAndCollect, stopViaAdmin } from './support/send.ts';
import { encodeSpans, makeSpans } from './support/telemetry.ts';

const jobs = await inlineRegistry(
  registryYaml(
    [attr('job.id', 'string'), attr('service.name', 'string')],
    spanYaml('span.job.run.internal', 'internal', { attributes: [ref('job.id', 'recommended')] }),
  ),
);
const good = encodeSpans(
  makeSpans([{ name: 'job.run', kind: SpanKind.INTERNAL, attributes: { 'job.id': 'a' } }]),
);
const sendSpans = resolve(import.meta.dirname, 'fixtures/send-spans.mjs');

const otlpOnFreePorts = {
  kind: 'otlp',
  address: '127.0.0.1',
  grpcPort: 0,
  httpPort: 0,
  adminPort: 0,
} as const;

function options(extra: Partial<LiveCheckOptions>): LiveCheckOptions {
  return {
    registry: jobs,
    input: otlpOnFreePorts,
    inactivityTimeoutSeconds: 0,
    failOn: 'violation',
    commandOutput: 'ignore',
    ...extra,
  };
}

describe('stopping always produces the report', () => {
  it('stops by itself after the inactivity timeout; with nothing received it fails saying so', async () => {
    const result = await runLiveCheck(options({ inactivityTimeoutSeconds: 0.2 }));
    expect(result).toMatchObject({
      ok: true,
      document: {
        verdict: 'fail',
        stopped_by: 'inactivity',
        reasons: ['no telemetry was received, so nothing was checked'],
      },
    });
  });

  it('POST /stop answers with the JSON report even under continuous traffic', async () => {
    const live = await listen(jobs);
    let sending = true;
    const senders = Array.from({ length: 8 }, async () => {
      let sent = 0;
      while (sending) {
        const outcome = await sendHttp(live.ports.http ?? 0, good, 'protobuf').catch(
          () => undefined,
        );
        if (outcome?.status !== 200) break;
        sent += 1;
      }
      return sent;
    });
    while ((await fetchHealth(live.ports.admin)).requests < 20) await sleep(5);
    const answered = await stopViaAdmin(live.ports);
    sending = false;
    const sent = (await Promise.all(senders)).reduce((sum, each) => sum + each, 0);
    const outcome = await live.result;
    expect(answered.stopped_by).toBe('admin');
    expect(answered.received.requests).toBeGreaterThanOrEqual(20);
    // What was acknowledged before the stop is exactly what the report counts.
    expect(answered.received.requests).toBe(sent);
    expect(outcome.ok && outcome.document).toEqual(answered);
  });

  it('an aborted stop signal (SIGINT, SIGTERM) stops it and produces the report', async () => {
    const controller = new AbortController();
    const live = await listen(jobs, { stopSignal: controller.signal });
    expect((await sendHttp(live.ports.http ?? 0, good, 'json')).status).toBe(200);
    controller.abort();
    const outcome = await live.result;
    expect(outcome).toMatchObject({
      ok: true,
      interrupted: false,
      document: { verdict: 'pass', stopped_by: 'signal', received: { requests: 1 } },
    });
  });

  it('GET /health reports the state and the bound ports', async () => {
    const live = await listen(jobs);
    const health = await fetchHealth(live.ports.admin);
    expect(health).toMatchObject({ status: 'ok', requests: 0, ports: { admin: live.ports.admin } });
    await stopAndCollect(live);
  });

  it('a port already in use is a typed error, and nothing is left listening', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const address = blocker.address();
    const taken = typeof address === 'object' && address !== null ? address.port : 0;
    const result = await runLiveCheck(options({ input: { ...otlpOnFreePorts, httpPort: taken } }));
    blocker.close();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'listen', message: expect.stringContaining('EADDRINUSE') as unknown },
    });
  });
});

describe('run mode: the receivers start first, then the command, then the evaluation', () => {
  it('a command that sends conforming telemetry and exits 0 passes', async () => {
    const result = await runLiveCheck(options({ command: ['node', sendSpans, '3', '0'] }));
    expect(result).toMatchObject({
      ok: true,
      interrupted: false,
      document: {
        verdict: 'pass',
        stopped_by: 'command-exit',
        command: { exit_code: 0 },
        statistics: { total_entities_by_type: { span: 3 } },
      },
    });
  });

  it('a command that fails makes the check fail with a reason saying so', async () => {
    const result = await runLiveCheck(options({ command: ['node', sendSpans, '1', '3'] }));
    expect(result).toMatchObject({
      ok: true,
      document: {
        verdict: 'fail',
        reasons: [`the command "node ${sendSpans} 1 3" exited with code 3`],
        statistics: { total_entities_by_type: { span: 1 } },
      },
    });
  });

  it('a command that sends nothing makes the check fail with a reason saying so', async () => {
    const result = await runLiveCheck(options({ command: ['node', sendSpans, '0', '0'] }));
    expect(result).toMatchObject({
      ok: true,
      document: {
        verdict: 'fail',
        reasons: [`the command "node ${sendSpans} 0 0" sent no telemetry to the receivers`],
      },
    });
  });

  it('a command that cannot start fails the check with the reason', async () => {
    const result = await runLiveCheck(options({ command: ['certify-no-such-program'] }));
    expect(result.ok && result.document.reasons[0]).toMatch(
      /^the command "certify-no-such-program" failed: it could not start: .*ENOENT/,
    );
  });
});

describe('the registry to check against', () => {
  it('is loaded from its folder by the registry check loader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certify-live-check-'));
    writeFileSync(join(dir, 'jobs.yaml'), registryYaml([attr('job.id', 'string')]));
    const stdin = Readable.from([`${good.json}\n`]);
    const result = await runLiveCheck(options({ registry: dir, input: { kind: 'stdin' }, stdin }));
    expect(result).toMatchObject({
      ok: true,
      document: { statistics: { not_in_registry: { spans: { 'job.run': 1 } } } },
    });
  });

  it('a registry with errors is a typed error quoting them with their place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certify-live-check-'));
    writeFileSync(join(dir, 'broken.yaml'), 'groups:\n  - id: x\n    type: span\n');
    const result = await runLiveCheck(options({ registry: dir }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'registry' } });
    expect(result.ok ? '' : result.error.message).toMatch(
      new RegExp(
        `^the registry ${dir} has \\d+ error\\(s\\); run \`certify registry check -r ${dir}\`:\n  ${dir}/broken.yaml:\\d+:\\d+: `,
      ),
    );
  });

  it('a missing registry folder is a typed error', async () => {
    const result = await runLiveCheck(options({ registry: '/nonexistent/registry' }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'registry' } });
  });
});

describe('stdin and file input: OTLP/JSON export requests, one per line', () => {
  it('reads stdin to its end and checks every line', async () => {
    const stdin = Readable.from([`${good.json}\n\n${good.json}\n`]);
    const result = await runLiveCheck(options({ input: { kind: 'stdin' }, stdin }));
    expect(result).toMatchObject({
      ok: true,
      document: { verdict: 'pass', stopped_by: 'end-of-input', received: { requests: 2 } },
    });
  });

  it('a line that is not an export request is a typed error naming the file and line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'certify-live-check-')), 'samples.jsonl');
    writeFileSync(path, `${good.json}\n{"hello": 1}\n`);
    const result = await runLiveCheck(options({ input: { kind: 'file', path } }));
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'input',
        message: `${path}:2: not an OTLP/JSON export request (no resourceSpans, resourceMetrics or resourceLogs)`,
      },
    });
  });

  it('a missing file is a typed error', async () => {
    const result = await runLiveCheck(
      options({ input: { kind: 'file', path: '/nonexistent/x.jsonl' } }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'input', message: expect.stringContaining('ENOENT') as unknown },
    });
  });
});

interface Health {
  readonly requests: number;
}

async function fetchHealth(port: number): Promise<Health> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return (await response.json()) as Health;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
