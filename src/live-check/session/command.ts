import { startProcess, type ProcessOutput, type ProcessResult } from '../../common/index.ts';
import type { BoundPorts, CommandOutcome, CommandOutput } from './options.ts';

export interface CommandOptions {
  readonly argv: readonly string[];
  readonly ports: BoundPorts;
  readonly output: CommandOutput;
  /** Its working folder (default: certify's); programs in its node_modules/.bin are found. */
  readonly cwd?: string | undefined;
  /** The environment it starts from (default: certify's); OTLP exporter settings are replaced. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface RunningCommand {
  readonly finished: Promise<CommandOutcome>;
  /** Terminates it (SIGTERM, then SIGKILL after a grace period). */
  kill(): void;
}

/** A wildcard address is not one a client can send to: use the loopback of the same family. */
function reachableHost(address: string): string {
  if (address === '0.0.0.0' || address === '') return '127.0.0.1';
  if (address === '::') return '::1';
  return address;
}

/**
 * The command's environment: certify's own, without any OTLP exporter setting that could send its
 * telemetry elsewhere, plus the standard variables pointing at the gRPC receiver.
 */
function commandEnvironment(
  ports: BoundPorts,
  base: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !name.startsWith('OTEL_EXPORTER_OTLP_')) env[name] = value;
  }
  const host = reachableHost(ports.address);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://${hostPart}:${ports.grpc}`;
  env.OTEL_EXPORTER_OTLP_PROTOCOL = 'grpc';
  return env;
}

function describe(argv: readonly string[]): string {
  return argv.join(' ');
}

function outputOf(output: CommandOutput): ProcessOutput {
  if (output === 'stderr' || output === 'ignore') return output;
  return 'lines';
}

function outcomeOf(argv: readonly string[], result: ProcessResult): CommandOutcome {
  const command = describe(argv);
  if (result.exitCode === 0) return { argv, exit_code: 0, failure: undefined };
  if (result.exitCode !== null) {
    return {
      argv,
      exit_code: result.exitCode,
      failure: `the command "${command}" exited with code ${result.exitCode}`,
    };
  }
  const cause =
    result.stoppedBy !== undefined
      ? 'it was stopped before it exited'
      : result.signal !== null
        ? `it was killed by ${result.signal}`
        : `it could not start: ${result.startError ?? 'unknown error'}`;
  return { argv, exit_code: undefined, failure: `the command "${command}" failed: ${cause}` };
}

/**
 * Starts the command (argv array, no shell) once the receivers are ready, in its own process
 * group, so that stopping it stops every process it started.
 */
export function startCommand(options: CommandOptions): RunningCommand {
  const [file, ...args] = options.argv;
  const { output } = options;
  const running = startProcess([file ?? '', ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: commandEnvironment(options.ports, options.env ?? process.env),
    output: outputOf(output),
    onLine: typeof output === 'function' ? output : undefined,
    keepLines: 0,
  });
  return {
    finished: running.finished.then((result) => outcomeOf(options.argv, result)),
    kill: () => {
      running.stop();
    },
  };
}
