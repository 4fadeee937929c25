import {
  runProcess as runCommonProcess,
  type ProcessOptions,
  type ProcessResult,
} from '../common/index.ts';

export type { ProcessResult };

export interface RunProcessOptions {
  readonly cwd: string;
  readonly signal: AbortSignal;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Called with each line the process prints (stdout and stderr). */
  readonly onLine?: (line: string) => void;
  /** How many of the last output lines to keep. */
  readonly keepLines?: number;
  /** Keep the whole standard output (up to 16 MiB) for a program that prints a document. */
  readonly captureStdout?: boolean;
}

/**
 * A step's process, run by certify's one process runner (`src/common`): in its own process
 * group, stopped with its whole tree when the step is, and without colour, since its output is
 * read and shown as plain text.
 */
export function runProcess(
  argv: readonly [string, ...string[]],
  options: RunProcessOptions,
): Promise<ProcessResult> {
  const common: ProcessOptions = {
    ...options,
    env: { ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  };
  return runCommonProcess(argv, common);
}
