import type { Readable } from 'node:stream';
import {
  findingLine,
  reportJson,
  runLiveCheck,
  summaryText,
  writeReportFile,
  type BoundPorts,
  type InputSource,
  type LiveCheckDocument,
  type LiveCheckOptions,
} from '../live-check/index.ts';
import { EXIT_INTERRUPTED, interruptOnSignals } from './signals.ts';
import { useColor } from './color.ts';
import { oneOf, parseCommandLine, UsageError } from './usage.ts';

const EXIT_FAILED = 1;
const EXIT_CONFIGURATION = 2;

/** Rejected inputs are printed up to this many; the report counts them all. */
const printedRejections = 10;

const failOnChoices = ['violation', 'improvement', 'information', 'none'] as const;
type FailOn = (typeof failOnChoices)[number];

/** The command line as typed options: what `runLiveCheck` takes, plus output choices. */
export interface LiveCheckCommandLine {
  readonly options: Omit<LiveCheckOptions, 'onReady' | 'onFinding' | 'onRejected' | 'stopSignal'>;
  readonly format: 'ansi' | 'json';
  readonly output: string | undefined;
}

function port(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535 || text.trim() === '') {
    throw new UsageError(
      `${flag} must be a port number from 0 to 65535 (0 picks a free one); got "${text}"`,
    );
  }
  return value;
}

function number(flag: string, text: string, range: { min: number; max: number }): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new UsageError(
      `${flag} must be a number from ${range.min} to ${range.max}; got "${text}"`,
    );
  }
  return value;
}

/** Splits `… -- command args` into certify's own arguments and the command to run. */
function splitCommand(args: readonly string[]): {
  own: readonly string[];
  command: string[] | undefined;
} {
  const dash = args.indexOf('--');
  if (dash === -1) return { own: args, command: undefined };
  const command = args.slice(dash + 1);
  if (command.length === 0) throw new UsageError('nothing follows "--": give the command to run');
  return { own: args.slice(0, dash), command };
}

const optionSpec = {
  registry: { type: 'string', short: 'r' },
  'input-source': { type: 'string', default: 'otlp' },
  'input-format': { type: 'string', default: 'json' },
  'otlp-grpc-address': { type: 'string', default: '127.0.0.1' },
  'otlp-grpc-port': { type: 'string', default: '4317' },
  'otlp-http-port': { type: 'string', default: '4318' },
  'admin-port': { type: 'string', default: '4320' },
  'inactivity-timeout': { type: 'string', default: '10' },
  format: { type: 'string', default: 'ansi' },
  output: { type: 'string' },
  'fail-on': { type: 'string', default: 'violation' },
  'fail-on-coverage-below': { type: 'string' },
} as const;

function inputSource(values: Record<string, string | undefined>): InputSource {
  const source = values['input-source'] ?? 'otlp';
  if (source === 'stdin') return { kind: 'stdin' };
  if (source !== 'otlp') return { kind: 'file', path: source };
  return {
    kind: 'otlp',
    address: values['otlp-grpc-address'] ?? '127.0.0.1',
    grpcPort: port('--otlp-grpc-port', values['otlp-grpc-port'] ?? '4317'),
    httpPort: port('--otlp-http-port', values['otlp-http-port'] ?? '4318'),
    adminPort: port('--admin-port', values['admin-port'] ?? '4320'),
  };
}

/** Reads `certify registry live-check` arguments; a usage problem throws UsageError (exit 2). */
export function liveCheckCommandLine(args: readonly string[]): LiveCheckCommandLine {
  const { own, command } = splitCommand(args);
  const { values } = parseCommandLine(own, { options: optionSpec });
  if (values.registry === undefined || values.registry === '') {
    throw new UsageError('live-check needs -r/--registry <dir>, the registry to check against');
  }
  if (values['input-format'] !== 'json') {
    throw new UsageError(
      `--input-format ${values['input-format']} is not supported; use json (OTLP/JSON export requests, one per line)`,
    );
  }
  const input = inputSource(values);
  if (command !== undefined && input.kind !== 'otlp') {
    throw new UsageError('a command after "--" sends OTLP: it needs --input-source otlp');
  }
  const failOn: FailOn = oneOf('--fail-on', values['fail-on'], failOnChoices);
  const coverage = values['fail-on-coverage-below'];
  return {
    options: {
      registry: values.registry,
      input,
      inactivityTimeoutSeconds: number('--inactivity-timeout', values['inactivity-timeout'], {
        min: 0,
        max: 86_400,
      }),
      command,
      failOn,
      failOnCoverageBelow:
        coverage === undefined
          ? undefined
          : number('--fail-on-coverage-below', coverage, { min: 0, max: 100 }),
    },
    format: oneOf('--format', values.format, ['ansi', 'json'] as const),
    output: values.output,
  };
}

/** The streams and signals a run uses: the process's own, or a test's. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly stdin: Readable;
  /** Whether SIGINT and SIGTERM stop the check (they do for the real command). */
  readonly handleSignals: boolean;
}

const processIo: CommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  handleSignals: true,
};

function readyLine(ports: BoundPorts): string {
  const host = ports.address.includes(':') ? `[${ports.address}]` : ports.address;
  const http = ports.http === undefined ? '' : ` otlp-http=${host}:${ports.http}`;
  return `certify live-check: listening otlp-grpc=${host}:${ports.grpc}${http} admin=${host}:${ports.admin}\n`;
}

function verdictLine(document: LiveCheckDocument): string {
  if (document.verdict === 'pass') return `Verdict: PASS (stopped by ${document.stopped_by})\n`;
  const reasons = document.reasons.map((reason) => `\n  - ${reason}`).join('');
  return `Verdict: FAIL (stopped by ${document.stopped_by})${reasons}\n`;
}

/**
 * `certify registry live-check`: 0 when the check passes, 1 when it fails (findings at or above
 * `--fail-on`, coverage below the floor, a failing or silent command), 2 for a usage, registry or
 * I/O problem, 130 when a signal interrupted a running command.
 */
export async function runLiveCheckCommand(
  args: readonly string[],
  io: CommandIo = processIo,
): Promise<number> {
  const { options, format, output } = liveCheckCommandLine(args);
  const color = format === 'ansi' && useColor(io.stdout, process.env);
  const controller = new AbortController();
  const release = io.handleSignals ? interruptOnSignals(controller) : () => undefined;
  let rejections = 0;
  const result = await runLiveCheck({
    ...options,
    stdin: io.stdin,
    stopSignal: controller.signal,
    onReady: (ports) => io.stderr.write(readyLine(ports)),
    onFinding: (finding) => {
      if (format === 'ansi') io.stdout.write(findingLine(finding, color));
    },
    onRejected: (source, reason) => {
      rejections += 1;
      if (rejections <= printedRejections)
        io.stderr.write(`certify live-check: refused ${source}: ${reason}\n`);
      if (rejections === printedRejections + 1)
        io.stderr.write('certify live-check: further refusals are counted, not printed\n');
    },
  }).finally(release);
  if (!result.ok) {
    io.stderr.write(`certify live-check: ${result.error.message}\n`);
    return EXIT_CONFIGURATION;
  }
  const { document } = result;
  io.stdout.write(
    format === 'json'
      ? reportJson(document)
      : `${summaryText(document, color)}${verdictLine(document)}`,
  );
  if (output !== undefined) {
    try {
      const path = await writeReportFile(output, document);
      io.stderr.write(`certify live-check: report written to ${path}\n`);
    } catch (error: unknown) {
      io.stderr.write(
        `certify live-check: cannot write the report to ${output}: ${String(error)}\n`,
      );
      return EXIT_CONFIGURATION;
    }
  }
  if (result.interrupted) return EXIT_INTERRUPTED;
  return document.verdict === 'pass' ? 0 : EXIT_FAILED;
}
