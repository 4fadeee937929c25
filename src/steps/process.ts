import { execa } from 'execa';
import { signalProcessGroup, stopProcessGroup } from '../common/index.ts';

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

export interface ProcessResult {
  /** The exit code, or null when the process was ended by a signal. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** The process could not be started at all (for example, no such program). */
  readonly startError?: string;
  /** The last lines of its output. */
  readonly outputTail: readonly string[];
  /** Its whole standard output, when `captureStdout` was asked for. */
  readonly stdout: string;
}

const MAX_CAPTURED_BYTES = 16 * 1024 * 1024;

/**
 * Keeps the last `limit` lines, passing each on to `onLine`: lines pushed one by one, or written
 * to any of its streams (each split into lines on its own).
 */
export function createTail(limit: number, onLine?: (line: string) => void) {
  const lines: string[] = [];
  const partials: (() => void)[] = [];
  const push = (line: string): void => {
    onLine?.(line);
    lines.push(line);
    if (lines.length > limit) lines.shift();
  };
  return {
    push,
    stream(): (chunk: string) => void {
      let partial = '';
      partials.push(() => {
        if (partial !== '') push(partial);
        partial = '';
      });
      return (chunk: string): void => {
        const parts = (partial + chunk).split(/\r?\n/);
        partial = parts.pop() ?? '';
        parts.forEach(push);
      };
    },
    end(): readonly string[] {
      partials.forEach((flush) => {
        flush();
      });
      return lines;
    },
  };
}

/**
 * Runs `argv` (never through a shell) in its own process group, so that a timeout or an interrupt
 * stops the whole tree it starts, not just its first process. Programs in the project's
 * `node_modules/.bin` are found.
 */
export async function runProcess(
  argv: readonly [string, ...string[]],
  options: RunProcessOptions,
): Promise<ProcessResult> {
  const [program, ...args] = argv;
  const tail = createTail(options.keepLines ?? 40, options.onLine);
  const subprocess = execa(program, args, {
    cwd: options.cwd,
    env: { ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    extendEnv: false,
    preferLocal: true,
    localDir: options.cwd,
    detached: true,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    encoding: 'utf8',
  });
  const { pid } = subprocess;
  const stop = (): void => {
    if (pid !== undefined) stopProcessGroup(pid);
  };
  if (options.signal.aborted) stop();
  options.signal.addEventListener('abort', stop, { once: true });
  let stdout = '';
  const writeOut = tail.stream();
  const writeErr = tail.stream();
  subprocess.stdout.on('data', (chunk: string) => {
    writeOut(chunk);
    if (options.captureStdout === true && stdout.length < MAX_CAPTURED_BYTES) stdout += chunk;
  });
  subprocess.stderr.on('data', writeErr);
  const result = await subprocess;
  options.signal.removeEventListener('abort', stop);
  // Whatever the process left behind in its group (a daemon, a stray worker) ends with it.
  if (pid !== undefined) signalProcessGroup(pid, 'SIGKILL');
  const outputTail = tail.end();
  if (result.failed && result.exitCode === undefined && result.signal === undefined) {
    return {
      exitCode: null,
      signal: null,
      startError: result.shortMessage ?? `cannot start ${program}`,
      outputTail,
      stdout,
    };
  }
  return { exitCode: result.exitCode ?? null, signal: result.signal ?? null, outputTail, stdout };
}
