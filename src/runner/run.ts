import { performance } from 'node:perf_hooks';
import { WriteStream } from 'node:tty';
import { Listr, ProcessOutput, type ListrTask } from 'listr2';
import type { Pipeline, StepSpec, TierSpec } from '../pipeline/index.ts';
import { TypeScriptSession } from '../typescript-session/index.ts';
import { blockers, describeTier, stepHeadline, tierStatusOf } from './describe.ts';
import { executeStep } from './execute-step.ts';
import { TierLock } from './lock.ts';
import { PlainRenderer } from './plain-renderer.ts';
import type { ResolvedRenderer } from './renderer.ts';
import type { RunResult, StepResult, TierResult } from './types.ts';

export interface RunPipelineOptions {
  readonly pipeline: Pipeline;
  /** Run every tier even after one fails (later tiers are otherwise skipped). */
  readonly keepGoing?: boolean;
  /** Run only these steps or tiers (by id); the others are reported skipped. */
  readonly only?: readonly string[];
  readonly renderer?: ResolvedRenderer;
  /** Where the plain renderer writes (default stdout). */
  readonly progressStream?: NodeJS.WritableStream;
  /** Aborted on Ctrl-C or SIGTERM: every running step is stopped, the rest skipped. */
  readonly interrupt?: AbortSignal;
  /** Environment for the processes steps start (default: this process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The reports folder, where steps may write files the report links to (flame graphs). */
  readonly reportsDir?: string;
}

/** Ids given to `--only` that name no tier or step of the pipeline. */
export function unknownIds(pipeline: Pipeline, ids: readonly string[]): string[] {
  const known = new Set(
    pipeline.tiers.flatMap((tier) => [tier.id, ...tier.steps.map((s) => s.id)]),
  );
  return ids.filter((id) => !known.has(id));
}

function skippedStep(spec: StepSpec, reason: string): StepResult {
  return {
    status: 'skipped',
    reason,
    id: spec.id,
    name: spec.name ?? spec.id,
    kind: spec.kind,
    durationMs: 0,
  };
}

interface RunState {
  readonly options: RunPipelineOptions;
  readonly interrupt: AbortSignal;
  readonly selected: (tier: TierSpec, step: StepSpec) => boolean;
  readonly tiers: TierResult[];
  /** The run's TypeScript session, created when a step first asks for it. */
  readonly typeScript: () => TypeScriptSession;
  /** Why later tiers do not run (a tier failed, or the run was interrupted). */
  stopReason: string | undefined;
}

/** Why a step does not run, or undefined when it runs. */
function reasonToSkip(state: RunState, tier: TierSpec, step: StepSpec): string | undefined {
  if (state.interrupt.aborted) return 'interrupted';
  if (state.stopReason !== undefined) return state.stopReason;
  if (!state.selected(tier, step)) return 'not selected (--only)';
  return undefined;
}

/** A promise with its resolve function (Promise.withResolvers is not in Node 20). */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

type TaskWrapper = Parameters<NonNullable<ListrTask['task']>>[1];

/** Shows a finished step: a failure fails its task, inconclusive or skipped skips it. */
function show(task: TaskWrapper, result: StepResult): void {
  const headline = stepHeadline(result);
  if (result.status === 'fail') {
    task.title = headline;
    throw new Error(result.reason);
  }
  task.title = `${headline} ${result.reason}`;
  if (result.status !== 'pass') task.skip(task.title);
}

function stepTask(
  state: RunState,
  tier: TierSpec,
  spec: StepSpec,
  lock: TierLock,
  done: (r: StepResult) => void,
): ListrTask {
  return {
    title: spec.name ?? spec.id,
    exitOnError: false,
    task: async (_, task) => {
      const skip = reasonToSkip(state, tier, spec);
      let result = skip === undefined ? undefined : skippedStep(spec, skip);
      if (result === undefined) {
        const release = await lock.acquire(spec.exclusive ?? false);
        try {
          result = await executeStep(spec, {
            pipeline: state.options.pipeline,
            interrupt: state.interrupt,
            env: state.options.env ?? process.env,
            progress: (line) => {
              task.output = line;
            },
            typeScript: state.typeScript,
            ...(state.options.reportsDir === undefined
              ? {}
              : { reportsDir: state.options.reportsDir }),
          });
        } finally {
          release();
        }
      }
      done(result);
      show(task, result);
    },
  };
}

/** A tier's task: its steps (concurrently as the pipeline says), then its own status. */
function tierTask(state: RunState, tier: TierSpec): ListrTask {
  return {
    title: tier.name,
    task: (_, task) => {
      const started = performance.now();
      const lock = new TierLock();
      const finished = tier.steps.map(() => deferred<StepResult>());
      const steps = tier.steps.map((spec, index) =>
        stepTask(state, tier, spec, lock, (result) => {
          finished[index]?.resolve(result);
        }),
      );
      const conclude: ListrTask = {
        task: async () => {
          const stepResults = await Promise.all(finished.map(({ promise }) => promise));
          const status = tierStatusOf(stepResults);
          const durationMs = Math.round(performance.now() - started);
          const result = { id: tier.id, name: tier.name, status, durationMs, steps: stepResults };
          state.tiers.push(result);
          task.title = describeTier(result);
          if (status === 'fail' && state.options.keepGoing !== true) {
            state.stopReason = `not run: ${tier.name} failed`;
          }
          if (status === 'fail' || status === 'inconclusive') throw new Error(blockers(result));
          if (status === 'skipped') task.skip(task.title);
        },
      };
      return task.newListr([...steps, conclude], {
        concurrent: tier.concurrency ?? 1,
        exitOnError: true,
      });
    },
  };
}

function listrOptions(options: RunPipelineOptions) {
  const renderer = options.renderer ?? 'plain';
  const common = { exitOnError: false, registerSignalListeners: false } as const;
  if (renderer === 'fancy') {
    const stream = options.progressStream ?? process.stdout;
    // The terminal renderer draws on the progress stream (stderr when stdout carries JSON).
    const output =
      stream instanceof WriteStream ? { processOutput: new ProcessOutput(stream, stream) } : {};
    return {
      ...common,
      renderer: 'default',
      rendererOptions: {
        collapseSkips: true,
        collapseErrors: false,
        showErrorMessage: true,
        ...output,
      },
    } as const;
  }
  if (renderer === 'silent') return { ...common, renderer: 'silent' } as const;
  return {
    ...common,
    renderer: PlainRenderer,
    rendererOptions: { stream: options.progressStream ?? process.stdout },
  } as const;
}

const usesTypeScriptSession = (step: StepSpec): boolean =>
  step.kind === 'typecheck' || step.kind === 'eslint';

/**
 * Loads the TypeScript session's tools (TypeScript, ESLint and the project's ESLint config) in
 * its worker as the run starts, so that the loading overlaps the earlier tiers instead of
 * delaying the first check; nothing is checked ahead of its tier.
 */
function prepareTypeScriptSession(state: RunState): void {
  const steps = state.options.pipeline.tiers.flatMap((tier) =>
    tier.steps.filter((step) => usesTypeScriptSession(step) && state.selected(tier, step)),
  );
  if (steps.length === 0) return;
  const eslint = steps.some((step) => step.kind === 'eslint');
  state
    .typeScript()
    .prepare({ eslint })
    .catch(() => {
      // Not lost: the step that needs the tool asks for it again and fails with this same error.
    });
}

/**
 * Runs the pipeline's tiers in order, each tier's steps as its concurrency allows. A failed tier
 * stops the later ones (reported skipped) unless `keepGoing`. Never throws for a step's problem:
 * every step ends up in the result with its status and reason. The TypeScript session, if a step
 * started one, is closed when the run ends.
 */
export async function runPipeline(options: RunPipelineOptions): Promise<RunResult> {
  const only = new Set(options.only ?? []);
  let session: TypeScriptSession | undefined;
  const state: RunState = {
    options,
    interrupt: options.interrupt ?? new AbortController().signal,
    selected: (tier, step) => only.size === 0 || only.has(tier.id) || only.has(step.id),
    tiers: [],
    typeScript: () => (session ??= new TypeScriptSession(options.pipeline.projectRoot)),
    stopReason: undefined,
  };
  const startedAt = new Date();
  prepareTypeScriptSession(state);
  const list = new Listr(
    options.pipeline.tiers.map((tier) => tierTask(state, tier)),
    listrOptions(options),
  );
  try {
    await list.run();
  } finally {
    await session?.close();
  }
  return {
    startedAt,
    finishedAt: new Date(),
    interrupted: state.interrupt.aborted,
    tiers: state.tiers,
  };
}
