import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { ingestJsonLines } from '../receiver/index.ts';
import { reportJson } from '../report/index.ts';
import { startCommand, type RunningCommand } from './command.ts';
import type {
  CommandOutcome,
  InputSource,
  LiveCheckDocument,
  LiveCheckOptions,
  LiveCheckResult,
  StopReason,
} from './options.ts';
import { startReceivers, type StartedReceivers } from './receivers.ts';
import { registryFor } from './registry.ts';
import { LiveCheckSession, type SessionEnding } from './session.ts';

const defaultQuietPeriodMs = 500;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The state of a run with receivers, and the one place that decides how it ended. */
class ReceiverRun {
  private document: LiveCheckDocument | undefined;
  private outcome: CommandOutcome | undefined;
  private readonly ended: Promise<StopReason>;
  private markEnded: (reason: StopReason) => void = () => undefined;
  private readonly session: LiveCheckSession;
  private readonly command: readonly string[] | undefined;
  lastActivity = Date.now();

  constructor(session: LiveCheckSession, command: readonly string[] | undefined) {
    this.session = session;
    this.command = command;
    this.ended = new Promise((resolve) => {
      this.markEnded = resolve;
    });
  }

  get commandRunning(): boolean {
    return this.command !== undefined && this.outcome === undefined;
  }

  whenEnded(): Promise<StopReason> {
    return this.ended;
  }

  commandFinished(outcome: CommandOutcome): void {
    this.outcome ??= outcome;
  }

  /** Freezes the document at once (whatever traffic is still arriving) and wakes the run. */
  finish(stoppedBy: StopReason): LiveCheckDocument {
    if (this.document !== undefined) return this.document;
    this.document = this.session.stop(this.ending(stoppedBy));
    this.markEnded(stoppedBy);
    return this.document;
  }

  private ending(stoppedBy: StopReason): SessionEnding {
    if (this.command === undefined) return { stoppedBy };
    const argv = this.command;
    const outcome = this.outcome ?? {
      argv,
      exit_code: undefined,
      failure: `the command "${argv.join(' ')}" was still running when the live check stopped (${stoppedBy})`,
    };
    return {
      stoppedBy,
      command: outcome,
      reasons: outcome.failure === undefined ? [] : [outcome.failure],
      whenNothingReceived: `the command "${argv.join(' ')}" sent no telemetry to the receivers`,
    };
  }
}

/** After the command exits, waits until no request has arrived for `quietMs`. */
async function waitUntilQuiet(run: ReceiverRun, quietMs: number): Promise<void> {
  for (;;) {
    const idle = Date.now() - run.lastActivity;
    if (idle >= quietMs) return;
    await sleep(quietMs - idle);
  }
}

function superviseCommand(run: ReceiverRun, command: RunningCommand, quietMs: number): void {
  void command.finished.then(async (outcome) => {
    run.commandFinished(outcome);
    run.lastActivity = Math.max(run.lastActivity, Date.now());
    await waitUntilQuiet(run, quietMs);
    run.finish('command-exit');
  });
}

function armInactivity(run: ReceiverRun, session: LiveCheckSession, seconds: number): () => void {
  if (seconds <= 0) return () => undefined;
  const timer = setTimeout(() => run.finish('inactivity'), seconds * 1000);
  session.onActivity(() => {
    run.lastActivity = Date.now();
    timer.refresh();
  });
  return () => {
    clearTimeout(timer);
  };
}

async function runWithReceivers(
  options: LiveCheckOptions,
  input: Extract<InputSource, { kind: 'otlp' }>,
  session: LiveCheckSession,
): Promise<LiveCheckResult> {
  const run = new ReceiverRun(session, options.command);
  let receivers: StartedReceivers;
  try {
    const stop = (): Promise<string> => Promise.resolve(reportJson(run.finish('admin')));
    receivers = await startReceivers(input, session, stop, options.maxMessageBytes);
  } catch (error: unknown) {
    return { ok: false, error: { kind: 'listen', message: `cannot listen: ${messageOf(error)}` } };
  }
  options.onReady?.(receivers.ports);
  const onAbort = (): void => {
    run.finish('signal');
  };
  options.stopSignal?.addEventListener('abort', onAbort, { once: true });
  if (options.stopSignal?.aborted === true) onAbort();
  let command: RunningCommand | undefined;
  let disarm = (): void => undefined;
  if (options.command === undefined) {
    disarm = armInactivity(run, session, options.inactivityTimeoutSeconds);
  } else {
    session.onActivity(() => {
      run.lastActivity = Date.now();
    });
    command = startCommand({
      argv: options.command,
      ports: receivers.ports,
      output: options.commandOutput ?? 'stderr',
      cwd: options.commandCwd,
      env: options.commandEnv,
    });
    superviseCommand(run, command, options.quietPeriodMs ?? defaultQuietPeriodMs);
  }
  const stoppedBy = await run.whenEnded();
  const interrupted = stoppedBy === 'signal' && run.commandRunning;
  disarm();
  options.stopSignal?.removeEventListener('abort', onAbort);
  command?.kill();
  await command?.finished;
  await receivers.closeReceivers();
  await receivers.closeAdmin();
  return { ok: true, document: run.finish(stoppedBy), interrupted };
}

async function openInput(
  input: Exclude<InputSource, { kind: 'otlp' }>,
  stdin: Readable,
): Promise<{ stream: Readable; source: string }> {
  if (input.kind === 'stdin') return { stream: stdin, source: 'stdin' };
  const handle = await open(input.path);
  return { stream: handle.createReadStream(), source: input.path };
}

async function runFromStream(
  options: LiveCheckOptions,
  input: Exclude<InputSource, { kind: 'otlp' }>,
  session: LiveCheckSession,
): Promise<LiveCheckResult> {
  let opened: { stream: Readable; source: string };
  try {
    opened = await openInput(input, options.stdin ?? process.stdin);
  } catch (error: unknown) {
    return {
      ok: false,
      error: { kind: 'input', message: `cannot read the input: ${messageOf(error)}` },
    };
  }
  const onAbort = (): void => {
    opened.stream.destroy();
  };
  options.stopSignal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await ingestJsonLines(opened.stream, opened.source, session);
    if (!result.ok) {
      const { source, line, message } = result.error;
      return { ok: false, error: { kind: 'input', message: `${source}:${line}: ${message}` } };
    }
  } catch (error: unknown) {
    if (options.stopSignal?.aborted !== true) {
      return {
        ok: false,
        error: { kind: 'input', message: `cannot read ${opened.source}: ${messageOf(error)}` },
      };
    }
  } finally {
    options.stopSignal?.removeEventListener('abort', onAbort);
  }
  const stoppedBy = options.stopSignal?.aborted === true ? 'signal' : 'end-of-input';
  return { ok: true, document: session.stop({ stoppedBy }), interrupted: false };
}

/**
 * Runs one live check: receives telemetry (OTLP receivers, stdin or a file), optionally runs a
 * command against the receivers, checks every sample against the registry as it arrives, and
 * returns the final document with its verdict.
 */
export async function runLiveCheck(options: LiveCheckOptions): Promise<LiveCheckResult> {
  const registry = await registryFor(options.registry);
  if (!registry.ok) return registry;
  const session = new LiveCheckSession({
    registry: registry.registry,
    failOn: options.failOn,
    failOnCoverageBelow: options.failOnCoverageBelow,
    onFinding: options.onFinding,
    onRejected: options.onRejected,
  });
  const input = options.input;
  if (input.kind === 'otlp') return runWithReceivers(options, input, session);
  return runFromStream(options, input, session);
}
