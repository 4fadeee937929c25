import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { liveCheckCommandLine, runLiveCheckCommand } from '../../src/cli/live-check.ts';
import { UsageError } from '../../src/cli/usage.ts';
import { projectRoot, runCertify } from '../support/run-certify.ts';
import { sendHttp } from './support/send.ts';
import { encodeSpans, makeSpans } from './support/telemetry.ts';
import { attr, ref, registryYaml, spanYaml } from './support/yaml.ts';

const registryDir = mkdtempSync(join(tmpdir(), 'certify-live-check-cli-'));
writeFileSync(
  join(registryDir, 'jobs.yaml'),
  registryYaml(
    [attr('job.id', 'string'), attr('job.queue', 'string'), attr('service.name', 'string')],
    spanYaml('span.job.run.internal', 'internal', { attributes: [ref('job.id', 'required')] }),
  ),
);
const sendSpans = resolve(import.meta.dirname, 'fixtures/send-spans.mjs');
const freePorts = ['--otlp-grpc-port', '0', '--otlp-http-port', '0', '--admin-port', '0'];
const spansJson = (specs: Parameters<typeof makeSpans>[0]) => encodeSpans(makeSpans(specs)).json;

describe('the command line, read into options', () => {
  it("takes Weaver's option names with Weaver's defaults (127.0.0.1 for the address)", () => {
    const { options, format, output } = liveCheckCommandLine(['-r', 'registry']);
    expect(options).toMatchObject({
      registry: 'registry',
      input: {
        kind: 'otlp',
        address: '127.0.0.1',
        grpcPort: 4317,
        httpPort: 4318,
        adminPort: 4320,
      },
      inactivityTimeoutSeconds: 10,
      failOn: 'violation',
      failOnCoverageBelow: undefined,
      command: undefined,
    });
    expect([format, output]).toEqual(['ansi', undefined]);
  });

  it('reads the command after "--" as an argv array, untouched', () => {
    const { options } = liveCheckCommandLine(['-r', 'r', '--', 'node', 'demo.ts', '--flag', '--']);
    expect(options.command).toEqual(['node', 'demo.ts', '--flag', '--']);
  });

  it.each([
    [[], 'needs -r/--registry <dir>'],
    [['-r', 'r', '--otlp-grpc-port', '70000'], '--otlp-grpc-port must be a port number'],
    [['-r', 'r', '--admin-port', 'x'], '--admin-port must be a port number'],
    [['-r', 'r', '--format', 'yaml'], '--format must be one of ansi, json; got "yaml"'],
    [
      ['-r', 'r', '--fail-on', 'error'],
      '--fail-on must be one of violation, improvement, information, none',
    ],
    [
      ['-r', 'r', '--fail-on-coverage-below', '120'],
      '--fail-on-coverage-below must be a number from 0 to 100',
    ],
    [['-r', 'r', '--inactivity-timeout=-1'], '--inactivity-timeout must be a number from 0'],
    [['-r', 'r', '--input-format', 'text'], '--input-format text is not supported'],
    [['-r', 'r', '--input-source', 'stdin', '--', 'node'], 'it needs --input-source otlp'],
    [['-r', 'r', '--'], 'nothing follows "--"'],
    [['-r', 'r', '--no-such-option'], "Unknown option '--no-such-option'"],
  ])('refuses %j with a usage error saying what is wrong', (args, message) => {
    expect(() => liveCheckCommandLine(args)).toThrow(UsageError);
    expect(() => liveCheckCommandLine(args)).toThrow(message);
  });
});

/** Runs the command in-process with stdin input, capturing its output. */
async function runWithStdin(args: readonly string[], input: string) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runLiveCheckCommand(
    ['-r', registryDir, '--input-source', 'stdin', ...args],
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: Readable.from([input]),
      handleSignals: false,
    },
  );
  return { exitCode, stdout, stderr };
}

describe('output and exit codes', () => {
  const conforming = spansJson([
    { name: 'job.run', kind: SpanKind.INTERNAL, attributes: { 'job.id': 'a' } },
  ]);
  const faulty = spansJson([{ name: 'job.run', kind: SpanKind.INTERNAL }]);

  it('ansi: findings streamed one per line, then the summary and the verdict; exit 1 on a violation', async () => {
    const run = await runWithStdin([], `${faulty}\n`);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /^violation {3}required_attribute_not_present \[span job\.run\] Required attribute 'job\.id' is not present\.\n/,
    );
    expect(run.stdout).toContain('Live check summary');
    expect(run.stdout).toContain(
      'Verdict: FAIL (stopped by end-of-input)\n  - 1 violation (--fail-on violation)',
    );
  });

  it('json: one document on stdout; exit 0 when nothing reaches --fail-on', async () => {
    const run = await runWithStdin(['--format', 'json', '--fail-on', 'none'], `${faulty}\n`);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      verdict: 'pass',
      statistics: { findings_by_level: { violation: 1 } },
    });
  });

  it('--fail-on-coverage-below fails a clean run that covers too little of the registry', async () => {
    const run = await runWithStdin(
      ['--format', 'json', '--fail-on-coverage-below', '100'],
      `${conforming}\n`,
    );
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      reasons: ['registry coverage 75.0% is below 100% (--fail-on-coverage-below)'],
    });
  });

  it('--output writes live_check.json; a registry with errors or bad input is exit 2', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'certify-live-check-out-')), 'reports');
    const written = await runWithStdin(['--output', dir], `${conforming}\n`);
    expect(written.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'live_check.json'), 'utf8'))).toMatchObject({
      verdict: 'pass',
    });
    const bad = await runWithStdin([], 'not json\n');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^certify live-check: stdin:1: not JSON/);
  });
});

describe('the real executable', () => {
  it('run mode: receivers first, then the command, then the report (json, --output); exit 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'certify-live-check-out-'));
    const run = await runCertify([
      'registry',
      'live-check',
      '-r',
      registryDir,
      ...freePorts,
      '--format',
      'json',
      '--output',
      out,
      '--',
      'node',
      sendSpans,
      '2',
      '0',
    ]);
    expect(run.stderr).toMatch(
      /certify live-check: listening otlp-grpc=127\.0\.0\.1:\d+ otlp-http=127\.0\.0\.1:\d+ admin=127\.0\.0\.1:\d+\n/,
    );
    expect(run.exitCode).toBe(0);
    const document: unknown = JSON.parse(run.stdout);
    expect(document).toMatchObject({
      verdict: 'pass',
      stopped_by: 'command-exit',
      command: { argv: ['node', sendSpans, '2', '0'], exit_code: 0 },
      statistics: { total_entities_by_type: { span: 2 }, coverage: { spans: { percent: 100 } } },
    });
    expect(JSON.parse(readFileSync(join(out, 'live_check.json'), 'utf8'))).toEqual(document);
  });

  it('listen mode: SIGINT stops it and the report is printed (a normal stop, exit 0)', async () => {
    const child = execa(
      'node',
      [
        join(projectRoot, 'bin/certify.js'),
        'registry',
        'live-check',
        '-r',
        registryDir,
        ...freePorts,
      ],
      {
        cwd: projectRoot,
        env: { FORCE_COLOR: '0' },
        reject: false,
      },
    );
    const ready = await new Promise<string>((done) => {
      let seen = '';
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('\n')) done(seen);
      });
    });
    const httpPort = Number(/otlp-http=127\.0\.0\.1:(\d+)/.exec(ready)?.[1]);
    const request = encodeSpans(makeSpans([{ name: 'job.run', attributes: { 'job.id': 'a' } }]));
    expect((await sendHttp(httpPort, request, 'protobuf')).status).toBe(200);
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Verdict: PASS (stopped by signal)');
  });
});
