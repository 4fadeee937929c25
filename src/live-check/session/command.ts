import { execa } from 'execa';
import type { BoundPorts, CommandOutcome } from './options.ts';

export interface CommandOptions {
  readonly argv: readonly string[];
  readonly ports: BoundPorts;
  readonly output: 'stderr' | 'ignore';
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
function commandEnvironment(ports: BoundPorts): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
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

/** Starts the command (argv array, no shell) once the receivers are ready. */
export function startCommand(options: CommandOptions): RunningCommand {
  const [file, ...args] = options.argv;
  const controller = new AbortController();
  const output = options.output === 'stderr' ? 2 : 'ignore';
  const subprocess = execa(file ?? '', args, {
    env: commandEnvironment(options.ports),
    extendEnv: false,
    stdin: 'ignore',
    stdout: output,
    stderr: output,
    reject: false,
    cancelSignal: controller.signal,
    forceKillAfterDelay: 2000,
  });
  const finished = subprocess.then((result): CommandOutcome => {
    const argv = options.argv;
    const command = describe(argv);
    if (result.exitCode === 0) return { argv, exit_code: 0, failure: undefined };
    if (result.exitCode !== undefined) {
      return {
        argv,
        exit_code: result.exitCode,
        failure: `the command "${command}" exited with code ${result.exitCode}`,
      };
    }
    const cause = result.isCanceled
      ? 'it was stopped before it exited'
      : result.signal !== undefined
        ? `it was killed by ${result.signal}`
        : `it could not start: ${result.originalMessage}`;
    return { argv, exit_code: undefined, failure: `the command "${command}" failed: ${cause}` };
  });
  return {
    finished,
    kill: () => {
      controller.abort();
    },
  };
}
