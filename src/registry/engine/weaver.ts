import { runProcess } from '../../common/index.ts';
import { mapWeaverJson } from './weaver-json.ts';
import type { Diagnostic } from '../diagnostic/index.ts';

export interface WeaverRunOptions {
  readonly weaver: string;
  readonly registry: string;
  readonly future: boolean;
  readonly regoPolicies: readonly string[];
  /** Aborting it stops weaver and every process it started. */
  readonly signal?: AbortSignal | undefined;
}

export type WeaverOutcome =
  | { readonly ok: true; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly message: string };

/** Long enough for a large registry on a slow machine, short enough that CI is never stuck. */
const timeoutMs = 5 * 60 * 1000;

/** The command line certify runs: `--future` is one of Weaver's global flags. */
export function weaverArguments(options: Omit<WeaverRunOptions, 'weaver'>): string[] {
  return [
    ...(options.future ? ['--future'] : []),
    'registry',
    'check',
    '-r',
    options.registry,
    '--diagnostic-format',
    'json',
    ...options.regoPolicies.flatMap((policy) => ['-p', policy]),
  ];
}

/** Runs the real `weaver registry check` and maps its JSON diagnostics. */
export async function runWeaver(options: WeaverRunOptions): Promise<WeaverOutcome> {
  const result = await runProcess([options.weaver, ...weaverArguments(options)], {
    cwd: process.cwd(),
    env: process.env,
    signal: options.signal,
    timeoutMs,
    captureStdout: true,
    keepLines: 5,
  });
  const command = `${options.weaver} ${weaverArguments(options).join(' ')}`;
  if (result.stoppedBy !== undefined) {
    const why =
      result.stoppedBy === 'timeout'
        ? `it ran past ${timeoutMs / 1000} s`
        : 'the check was stopped';
    return { ok: false, message: `${command} was stopped before it finished: ${why}` };
  }
  if (result.startError !== undefined) {
    return { ok: false, message: `could not run ${command}: ${result.startError}` };
  }
  const mapped = mapWeaverJson(result.stdout);
  if (!mapped.ok) {
    const stderr = result.outputTail.join('\n').trim();
    return {
      ok: false,
      message: `${command} exited with ${String(result.exitCode)} and ${mapped.reason}${stderr === '' ? '' : `:\n${stderr}`}`,
    };
  }
  // Weaver fails (exit 1) when it reports an error; an exit code above 1 with no error is a crash.
  const hasError = mapped.diagnostics.some((diagnostic) => diagnostic.level === 'error');
  if ((result.exitCode ?? 0) > 1 && !hasError) {
    return {
      ok: false,
      message: `${command} exited with ${String(result.exitCode)} without reporting why`,
    };
  }
  return { ok: true, diagnostics: mapped.diagnostics };
}
