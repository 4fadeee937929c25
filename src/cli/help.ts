/** One command's usage: its synopsis (one entry a line) and what it does, in one paragraph. */
interface CommandHelp {
  readonly synopsis: readonly string[];
  readonly summary: string;
}

const commandHelp = {
  certify: {
    synopsis: [
      'certify [--pipeline <file>] [--keep-going] [--only <id>[,<id>…]] [--json]',
      '[--renderer auto|fancy|plain|silent] [--key <private.pem>] [--reports <dir>]',
    ],
    summary:
      "run the pipeline's tiers in order (default file pipeline/certify.yaml) and write the signed report into --reports (default reports/). --keep-going runs every tier after a failure; --only runs some tiers or steps (never certified); --json prints the report on stdout. The key is --key, else CERTIFY_SIGNING_KEY, else a local self-signing key in .certify/",
  },
  keygen: {
    synopsis: ['certify keygen [--out <dir>] [--force]'],
    summary:
      'write an Ed25519 key pair for signing reports (certify-signing-key.pem, mode 0600, and certify-signing-key.pub.pem); an existing file is overwritten only with --force',
  },
  verify: {
    synopsis: ['certify verify <envelope> [--key <pub.pem>] [--check-subjects] [--root <dir>]'],
    summary:
      'check a signed report: its signature, its Statement and, with --check-subjects, the files and commit under --root (default: the current folder). Without --key, the .pub.pem beside the envelope is used: that proves the report intact, not who signed it',
  },
  bench: {
    synopsis: [
      'certify bench --suite <file> [--budget <ticks> --gate <case>...] [--tick-ghz <GHz>] [--json]',
      '[--confidence 0.95] [--time-cap <s>] [--min-processes <n>] [--max-processes <n>]',
      '[--window-ms <ms>] [--profile-dir <dir>] [--gated-only]',
    ],
    summary:
      "run a tick benchmark suite (a module exporting its cases): each gated case in fresh processes until the confidence interval of its median decides it against the budget (docs/tick-gate.md), then every other case; exit 1 when a gated case is over budget or undecided (inconclusive), or a guard caught missing work. --gated-only skips the other cases, as the pipeline's step does; --profile-dir writes a CPU profile and flame graph of a gated case that did not pass. The frequency comes from --tick-ghz, CERTIFY_TICK_GHZ, or the machine",
  },
  'registry check': {
    synopsis: [
      'certify registry check -r <dir> [--diagnostic-format ansi|json|gh_workflow_command]',
      '[--future] [-p builtin:otel|<file.rego>]... [--engine auto|builtin|weaver]',
      '[--weaver-path <file>]',
    ],
    summary:
      'check a semantic-convention registry as `weaver registry check` does; exit 1 on any error, 0 with warnings only. ansi is the default format (uncoloured when not a terminal); --engine auto uses the real weaver when found (on PATH or at --weaver-path); Rego policies need the real weaver',
  },
  'registry live-check': {
    synopsis: [
      'certify registry live-check -r <dir> [--input-source otlp|stdin|<file>] [--input-format json]',
      '[--otlp-grpc-address <addr>] [--otlp-grpc-port <port>]',
      '[--otlp-http-port <port>] [--admin-port <port>]',
      '[--inactivity-timeout <s>] [--format ansi|json] [--output <dir>]',
      '[--fail-on violation|improvement|information|none]',
      '[--fail-on-coverage-below <percent>] [-- <command> [args…]]',
    ],
    summary:
      'check live telemetry against the registry as `weaver registry live-check` does: OTLP/gRPC (4317), OTLP/HTTP (4318), admin GET /health and POST /stop (4320); port 0 picks a free one. With "-- <command>", start the receivers, run the command with OTEL_EXPORTER_OTLP_ENDPOINT pointing at them, and check what it sent. Exit 1 on findings at --fail-on (violation by default), coverage below the floor, or a failing or silent command',
  },
} as const satisfies Record<string, CommandHelp>;

/** A command that has its own usage: `certify <name> --help`. */
export type HelpTopic = keyof typeof commandHelp | 'registry';

const certifyExitCodes =
  'Exit codes: 0 certified, 1 not certified, 2 usage or configuration error, 130 interrupted.\n';
const exitCodes =
  'Exit codes: 0 success, 1 the check failed, 2 usage, configuration or I/O problem, 130 interrupted.\n';

/** `text` broken into lines of at most `width` characters, each after `indent` spaces. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => `${' '.repeat(indent)}${text}\n`).join('');
}

/** The synopsis lines after `lead` (indent or `Usage: `), the later ones under the first option. */
function synopsisLines(help: CommandHelp, lead: string): string {
  const [first = '', ...rest] = help.synopsis;
  const options = ' '.repeat(lead.length + first.search(/ [-[<]/) + 1);
  return [`${lead}${first}\n`, ...rest.map((line) => `${options}${line}\n`)].join('');
}

const summaryColumn = 37;
const width = 98;

/** `certify --help`: every command. */
export function usageText(): string {
  const entries = Object.values(commandHelp).map(
    (help: CommandHelp) =>
      `${synopsisLines(help, '  ')}${wrap(help.summary, summaryColumn, width)}`,
  );
  return `certify: certify a software feature as production-ready

Usage:
${entries.join('')}  certify --help, certify <command> --help
                                     show this help, or a command's
  certify --version                  show certify's version

${certifyExitCodes}`;
}

function topicText(help: CommandHelp, lead = ''): string {
  return `${synopsisLines(help, lead)}\n${wrap(help.summary, 2, width)}`;
}

/** `certify <command> --help`: that command's usage alone. */
export function commandUsageText(topic: HelpTopic): string {
  if (topic === 'registry') {
    const check = topicText(commandHelp['registry check']);
    const liveCheck = topicText(commandHelp['registry live-check']);
    return `Usage: certify registry check|live-check …\n\n${check}\n${liveCheck}\n${exitCodes}`;
  }
  const codes = topic === 'certify' ? certifyExitCodes : exitCodes;
  return `${topicText(commandHelp[topic], 'Usage: ')}\n${codes}`;
}

/** True when the arguments ask for help: `--help` or `-h` before any `--`. */
export function asksForHelp(args: readonly string[]): boolean {
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return own.includes('--help') || own.includes('-h');
}
