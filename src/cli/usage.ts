import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command or sub-command: takes the arguments after its name, resolves to an exit code. */
export type Command = (args: readonly string[]) => Promise<number>;

/** A problem with the command line itself: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `util.parseArgs` in strict mode, with its errors turned into UsageError. */
export function parseCommandLine<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(
  args: readonly string[],
  config: T,
) {
  try {
    return parseArgs({ ...config, args: [...args], strict: true as const });
  } catch (error: unknown) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}

export function usageText(): string {
  return `certify: certify a software feature as production-ready

Usage:
  certify [--pipeline <file>] [--keep-going] [--only <id>[,<id>…]] [--json]
          [--renderer auto|fancy|plain|silent] [--key <private.pem>] [--reports <dir>]
                                     run the pipeline's tiers in order (default file
                                     pipeline/certify.yaml) and write the signed report into
                                     --reports (default reports/). --keep-going runs every tier
                                     after a failure; --only runs some tiers or steps (never
                                     certified); --json prints the report on stdout. The key is
                                     --key, else CERTIFY_SIGNING_KEY, else a local self-signing
                                     key in .certify/
  certify keygen [--out <dir>] [--force]
                                     write an Ed25519 key pair for signing reports
  certify verify <envelope> [--key <pub.pem>] [--check-subjects] [--root <dir>]
                                     check a signed report: its signature, its Statement and,
                                     with --check-subjects, the files and commit under --root
  certify --help                     show this help
  certify bench --suite <file> [--budget <ticks> --gate <case>...] [--tick-ghz <GHz>] [--json]
                [--confidence 0.95] [--time-cap <s>] [--min-processes <n>] [--max-processes <n>]
                [--window-ms <ms>] [--profile-dir <dir>] [--gated-only]
                                     run a tick benchmark suite (a module exporting its cases):
                                     each gated case in fresh processes until the confidence
                                     interval of its median decides it against the budget (see
                                     docs/tick-gate.md), then every other case; exit 1 when a
                                     gated case is over budget or undecided (inconclusive), or a
                                     guard caught missing work. --gated-only skips the other cases,
                                     as the pipeline's step does. --profile-dir writes a CPU profile
                                     and flame graph of a gated case that did not pass. The
                                     frequency comes from --tick-ghz, CERTIFY_TICK_GHZ, or the
                                     machine
  certify registry check -r <dir> [--diagnostic-format ansi|json|gh_workflow_command]
                        [--future] [-p builtin:otel|<file.rego>]... [--engine auto|builtin|weaver]
                        [--weaver-path <file>]
                                     check a semantic-convention registry as \`weaver registry
                                     check\` does; exit 1 on any error, 0 with warnings only.
                                     ansi is the default format (uncoloured when not a terminal);
                                     --engine auto uses the real weaver when found (on PATH or at
                                     --weaver-path); Rego policies need the real weaver
  certify registry live-check -r <dir> [--input-source otlp|stdin|<file>] [--input-format json]
                        [--otlp-grpc-address <addr>] [--otlp-grpc-port <port>]
                        [--otlp-http-port <port>] [--admin-port <port>]
                        [--inactivity-timeout <s>] [--format ansi|json] [--output <dir>]
                        [--fail-on violation|improvement|information|none]
                        [--fail-on-coverage-below <percent>] [-- <command> [args…]]
                                     check live telemetry against the registry as \`weaver registry
                                     live-check\` does: OTLP/gRPC (4317), OTLP/HTTP (4318), admin
                                     GET /health and POST /stop (4320); port 0 picks a free one.
                                     With "-- <command>", start the receivers, run the command
                                     with OTEL_EXPORTER_OTLP_ENDPOINT pointing at them, and check
                                     what it sent. Exit 1 on findings at --fail-on (violation by
                                     default), coverage below the floor, or a failing or silent
                                     command

Exit codes: 0 certified, 1 not certified, 2 usage or configuration error, 130 interrupted.
`;
}
