import {
  checkRegistry,
  diagnosticFormats,
  formatAnsi,
  formatGithub,
  formatJson,
  summaryLine,
  type DiagnosticFormat,
  type EngineChoice,
  type RegistryCheckOptions,
} from '../registry/index.ts';
import { EXIT_INTERRUPTED, interruptOnSignals } from './signals.ts';
import { useColor } from './color.ts';
import { oneOf, parseCommandLine, UsageError } from './usage.ts';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const engines: readonly EngineChoice[] = ['auto', 'builtin', 'weaver'];

export interface RegistryCheckCommand {
  readonly options: RegistryCheckOptions;
  readonly format: DiagnosticFormat;
}

/** The command line as typed options (the pipeline's Tier 1 step builds the same object). */
export function registryCheckOptionsFromArgs(args: readonly string[]): RegistryCheckCommand {
  const { values, positionals } = parseCommandLine(args, {
    allowPositionals: true,
    options: {
      registry: { type: 'string', short: 'r' },
      'diagnostic-format': { type: 'string' },
      future: { type: 'boolean', default: false },
      policy: { type: 'string', short: 'p', multiple: true },
      engine: { type: 'string', default: 'auto' },
      'weaver-path': { type: 'string' },
    },
  });
  const [extra] = positionals;
  if (extra !== undefined)
    throw new UsageError(
      `registry check takes no argument "${extra}"; give the folder with -r <dir>`,
    );
  if (values.registry === undefined || values.registry === '') {
    throw new UsageError('registry check needs -r/--registry <dir>, the registry folder');
  }
  const weaverPath = values['weaver-path'];
  return {
    // ansi is Weaver's default; without a terminal it is written without colour codes.
    format: oneOf('--diagnostic-format', values['diagnostic-format'] ?? 'ansi', diagnosticFormats),
    options: {
      registry: values.registry,
      future: values.future,
      policies: values.policy ?? [],
      engine: oneOf('--engine', values.engine, engines),
      ...(weaverPath === undefined ? {} : { weaverPath }),
    },
  };
}

/**
 * `certify registry check`: diagnostics on stdout in the chosen format; for `json` and
 * `gh_workflow_command` the summary goes to stderr so stdout stays machine-readable. Exit 1 on
 * any error, 0 with warnings only, 2 when the check could not run, 130 when Ctrl-C or SIGTERM
 * stopped it (a real weaver is stopped with every process it started).
 */
export async function runRegistryCheckCommand(args: readonly string[]): Promise<number> {
  const { options, format } = registryCheckOptionsFromArgs(args);
  const controller = new AbortController();
  const release = interruptOnSignals(controller);
  const result = await checkRegistry({ ...options, signal: controller.signal }).finally(release);
  if (controller.signal.aborted) {
    process.stderr.write('certify registry check: interrupted; nothing was checked\n');
    return EXIT_INTERRUPTED;
  }
  if (result.kind !== 'checked') {
    process.stderr.write(`certify registry check: ${result.message}\n`);
    return EXIT_USAGE;
  }
  const summary = `${summaryLine(result)}\n`;
  if (format === 'json') {
    process.stdout.write(formatJson(result.diagnostics));
    process.stderr.write(summary);
  } else if (format === 'gh_workflow_command') {
    process.stdout.write(formatGithub(result.diagnostics));
    process.stderr.write(summary);
  } else {
    const body = formatAnsi(result.diagnostics, useColor(process.stdout, process.env));
    process.stdout.write(`${body}${body === '' ? '' : '\n'}${summary}`);
  }
  return result.passed ? 0 : EXIT_FAILED;
}
