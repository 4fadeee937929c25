import type * as Execa from 'execa';
import type { Options, Result } from 'execa';
import { KILL_GRACE_MS, signalProcessGroup, stopProcessGroup } from './process-group.ts';

/** Where a process's output goes: its lines to `onLine` and the tail, certify's stderr, nowhere. */
export type ProcessOutput = 'lines' | 'stderr' | 'ignore';

export interface ProcessOptions {
  readonly cwd: string;
  /** The process's whole environment: certify's own is not added to it. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborting it stops the process and every process it started. */
  readonly signal?: AbortSignal | undefined;
  /** Past this many milliseconds the process is stopped as on an abort. */
  readonly timeoutMs?: number | undefined;
  /** `lines` by default. */
  readonly output?: ProcessOutput;
  /** Called with each line the process prints (stdout and stderr). */
  readonly onLine?: ((line: string) => void) | undefined;
  /** How many of the last output lines to keep (default 40). */
  readonly keepLines?: number;
  /**
   * Keep the whole standard output (up to 16 MiB), for a program that prints a document; its
   * lines then go neither to `onLine` nor to the tail, which keep the standard error's.
   */
  readonly captureStdout?: boolean;
  /** Run `argv[0]` as a Node.js script with these Node.js options and an IPC channel. */
  readonly node?: { readonly nodeOptions: readonly string[] };
}

export interface ProcessResult {
  /** The exit code, or null when the process was ended by a signal or never started. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** The process could not be started at all (for example, no such program). */
  readonly startError?: string;
  /** The system's code for that (`ENOENT`, `EACCES`). */
  readonly startErrorCode?: string;
  /** Why certify stopped it, when it did: the abort signal or the timeout. */
  readonly stoppedBy?: 'abort' | 'timeout';
  /** The last lines of its output. */
  readonly outputTail: readonly string[];
  /** Its whole standard output, when `captureStdout` was asked for. */
  readonly stdout: string;
  /** The messages it sent over IPC, for a `node` process. */
  readonly messages: readonly unknown[];
}

export interface RunningProcess {
  readonly finished: Promise<ProcessResult>;
  /** Stops it and every process it started (SIGTERM, then SIGKILL after a grace period). */
  stop(): void;
}

const MAX_CAPTURED_BYTES = 16 * 1024 * 1024;

/** Keeps the last `limit` lines, passing each on to `onLine`. */
export function createTail(limit: number, onLine?: (line: string) => void) {
  const lines: string[] = [];
  const push = (line: string): void => {
    onLine?.(line);
    lines.push(line);
    if (lines.length > limit) lines.shift();
  };
  return { push, end: (): readonly string[] => lines };
}

// Loaded on first use: execa costs about half a second to import, which most commands never need.
let execaModule: Promise<typeof Execa> | undefined;
const loadExeca = () => (execaModule ??= import('execa'));

type Tail = ReturnType<typeof createTail>;

/** execa's handling of one output stream: each line to the tail (consumed, so never buffered). */
function streamOption(output: ProcessOutput, tail: Tail) {
  if (output === 'stderr') return 2;
  if (output === 'ignore') return 'ignore';
  return function* toTail(line: unknown): Generator<string, void, unknown> {
    tail.push(String(line));
    yield* [];
  };
}

function execaOptions(options: ProcessOptions, tail: Tail, cancelSignal: AbortSignal): Options {
  const output = options.output ?? 'lines';
  const capture = options.captureStdout === true && output === 'lines';
  return {
    cwd: options.cwd,
    env: { ...options.env },
    extendEnv: false,
    preferLocal: true,
    localDir: options.cwd,
    // Its own process group, so that stopping it stops the whole tree it starts.
    detached: true,
    stdin: 'ignore',
    stdout: capture ? 'pipe' : streamOption(output, tail),
    stderr: streamOption(output, tail),
    maxBuffer: MAX_CAPTURED_BYTES,
    cancelSignal,
    forceKillAfterDelay: KILL_GRACE_MS,
    reject: false,
    ...(options.node === undefined
      ? {}
      : { node: true, nodeOptions: [...options.node.nodeOptions], ipc: true }),
  };
}

function resultOf(
  result: Result,
  tail: Tail,
  stoppedBy: ProcessResult['stoppedBy'],
): ProcessResult {
  const outputTail = tail.end();
  const stdout = typeof result.stdout === 'string' ? result.stdout : '';
  const messages = result.ipcOutput;
  const stopped = stoppedBy === undefined ? {} : { stoppedBy };
  if (result.failed && result.exitCode === undefined && result.signal === undefined) {
    return {
      exitCode: null,
      signal: null,
      startError: result.originalMessage ?? result.shortMessage ?? 'it could not start',
      ...(result.code === undefined ? {} : { startErrorCode: result.code }),
      ...stopped,
      outputTail,
      stdout,
      messages,
    };
  }
  const signal = result.signal ?? null;
  return { exitCode: result.exitCode ?? null, signal, ...stopped, outputTail, stdout, messages };
}

async function run(
  argv: readonly [string, ...string[]],
  options: ProcessOptions,
  cancel: { readonly signal: AbortSignal; stoppedBy(): ProcessResult['stoppedBy'] },
): Promise<ProcessResult> {
  const { execa } = await loadExeca();
  const [program, ...args] = argv;
  const tail = createTail(options.keepLines ?? 40, options.onLine);
  const subprocess = execa(program, args, execaOptions(options, tail, cancel.signal));
  const { pid } = subprocess;
  const stop = (): void => {
    if (pid !== undefined) stopProcessGroup(pid);
  };
  if (cancel.signal.aborted) stop();
  cancel.signal.addEventListener('abort', stop, { once: true });
  const result = await subprocess;
  cancel.signal.removeEventListener('abort', stop);
  // Whatever the process left behind in its group (a daemon, a stray worker) ends with it.
  if (pid !== undefined) signalProcessGroup(pid, 'SIGKILL');
  return resultOf(result, tail, cancel.stoppedBy());
}

/**
 * Starts `argv` (never through a shell) in its own process group, so that an abort, a timeout or
 * `stop()` ends the whole tree it starts, not just its first process. Programs in `cwd`'s
 * `node_modules/.bin` are found. Never rejects for the process's own failures: they are in the
 * result.
 */
export function startProcess(
  argv: readonly [string, ...string[]],
  options: ProcessOptions,
): RunningProcess {
  const stopper = new AbortController();
  const timeout =
    options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const signals = [stopper.signal, options.signal, timeout].filter(
    (signal) => signal !== undefined,
  );
  const cancel = {
    signal: AbortSignal.any(signals),
    stoppedBy: (): ProcessResult['stoppedBy'] => {
      if (timeout?.aborted === true) return 'timeout';
      return stopper.signal.aborted || options.signal?.aborted === true ? 'abort' : undefined;
    },
  };
  return {
    finished: run(argv, options, cancel),
    stop: () => {
      stopper.abort();
    },
  };
}

/** `startProcess`, waiting for the process to end. */
export function runProcess(
  argv: readonly [string, ...string[]],
  options: ProcessOptions,
): Promise<ProcessResult> {
  return startProcess(argv, options).finished;
}
