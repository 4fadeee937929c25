import { performance } from 'node:perf_hooks';
import type { Pipeline, StepSpec } from '../pipeline/index.ts';
import { runStep, type StepOutcome } from '../steps/index.ts';
import type { TypeScriptSession } from '../typescript-session/index.ts';
import type { StepResult } from './types.ts';

export interface ExecuteStepOptions {
  readonly pipeline: Pipeline;
  /** Aborted when the whole run is interrupted. */
  readonly interrupt: AbortSignal;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly progress: (line: string) => void;
  /** The run's TypeScript session (started on first use). */
  readonly typeScript: () => TypeScriptSession;
  /** The reports folder, for files a step writes beside the report. */
  readonly reportsDir?: string;
}

/** How long a step may take to clean up (kill its processes) once it is told to stop. */
const STOP_GRACE_MS = 5_000;

class StepTimeout extends Error {
  override readonly name = 'StepTimeout';
}

function crashed(error: unknown): StepOutcome {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { status: 'fail', reason: `the step crashed: ${detail.split('\n')[0] ?? detail}` };
}

/** Resolves `grace` ms after `signal` aborts; never resolves if it does not. */
function afterAbort(signal: AbortSignal, grace: number): Promise<void> {
  return new Promise((resolve) => {
    const wait = (): void => {
      setTimeout(resolve, grace).unref();
    };
    if (signal.aborted) wait();
    else signal.addEventListener('abort', wait, { once: true });
  });
}

/** What a stopped step is reported as, whatever it returned while being stopped. */
function stoppedOutcome(spec: StepSpec, signal: AbortSignal, outcome: StepOutcome): StepOutcome {
  if (!signal.aborted) return outcome;
  if (signal.reason instanceof StepTimeout) {
    const tail = outcome.status === 'skipped' ? {} : { outputTail: outcome.outputTail ?? [] };
    return { status: 'fail', reason: `timed out after ${spec.timeoutSeconds} s; stopped`, ...tail };
  }
  return { status: 'skipped', reason: 'interrupted' };
}

/**
 * Runs one step within its timeout. A step past its timeout, or running when the run is
 * interrupted, is told to stop (its process tree is killed) and is given a short grace to do so.
 * A step that throws is reported as failed, never lost.
 */
export async function executeStep(
  spec: StepSpec,
  options: ExecuteStepOptions,
): Promise<StepResult> {
  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timeout.abort(new StepTimeout());
  }, spec.timeoutSeconds * 1000);
  const signal = AbortSignal.any([timeout.signal, options.interrupt]);
  const started = performance.now();
  const context = {
    pipeline: options.pipeline,
    signal,
    env: options.env,
    progress: options.progress,
    typeScript: options.typeScript,
    ...(options.reportsDir === undefined ? {} : { reportsDir: options.reportsDir }),
  };
  try {
    const running = runStep(spec, context).catch(crashed);
    const abandoned = afterAbort(signal, STOP_GRACE_MS).then((): StepOutcome => ({
      status: 'fail',
      reason: 'did not stop when told to',
    }));
    const outcome = stoppedOutcome(spec, signal, await Promise.race([running, abandoned]));
    const durationMs = Math.round(performance.now() - started);
    return { ...outcome, id: spec.id, name: spec.name ?? spec.id, kind: spec.kind, durationMs };
  } finally {
    clearTimeout(timer);
  }
}
