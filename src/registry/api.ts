import {
  countDiagnostics,
  promoteWarnings,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCounts,
} from './diagnostic/index.ts';
import {
  planEngine,
  runBuiltinStages,
  runWeaver,
  type EngineChoice,
  type EnginePlan,
} from './engine/index.ts';
import { registryFolderProblem, walkRegistry } from './load/index.ts';
import type { ResolvedRegistry } from './resolve/index.ts';

export type { EngineChoice };

export interface RegistryCheckOptions {
  /** The registry folder. */
  readonly registry: string;
  /** Weaver's `--future`: warnings become errors. */
  readonly future?: boolean;
  /** `builtin:otel`, or paths of Rego policies (which only the real Weaver can run). */
  readonly policies?: readonly string[];
  /** `auto` (the default) uses the real weaver when it finds one. */
  readonly engine?: EngineChoice;
  /** Where the weaver binary is; otherwise it is looked for on PATH. */
  readonly weaverPath?: string;
  /** The environment whose PATH is searched for weaver; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborting it stops the real weaver, with every process it started. */
  readonly signal?: AbortSignal;
}

/**
 * The outcome of a registry check. `checked` carries every diagnostic, sorted by place, from
 * whichever engine ran; `passed` is false when any is an error. `usage-error` (bad options)
 * and `io-error` (the registry cannot be read, or weaver cannot run) mean the check did not run:
 * exit code 2. Neither ever comes from the registry's content.
 */
export type RegistryCheckResult =
  | {
      readonly kind: 'checked';
      readonly engine: 'builtin' | 'weaver';
      readonly passed: boolean;
      readonly diagnostics: readonly Diagnostic[];
      readonly counts: DiagnosticCounts;
      readonly fileCount: number;
    }
  | { readonly kind: 'usage-error'; readonly message: string }
  | { readonly kind: 'io-error'; readonly message: string };

type Found =
  | { readonly ok: true; readonly diagnostics: readonly Diagnostic[]; readonly fileCount: number }
  | { readonly ok: false; readonly message: string };

function skippedRegoWarnings(policyFiles: readonly string[]): Diagnostic[] {
  return policyFiles.map((file) => ({
    id: 'RegoPolicyNotRun',
    level: 'warning',
    message: `Rego policy not run: certify's built-in engine has no Rego engine (the real weaver would apply ${file}); run with --engine weaver to apply it`,
    location: { file, line: 1, column: 1 },
  }));
}

async function checkWithBuiltin(registry: string, policies: readonly string[]): Promise<Found> {
  const outcome = await runBuiltinStages(registry, policies);
  if (!outcome.ok) return outcome;
  const { run } = outcome;
  return {
    ok: true,
    diagnostics: [...run.diagnostics, ...skippedRegoWarnings(run.policyFiles)],
    fileCount: run.yamlFileCount,
  };
}

async function checkWithWeaver(
  options: RegistryCheckOptions,
  plan: Extract<EnginePlan, { ok: true }>,
): Promise<Found> {
  const { registry, signal } = options;
  const walk = walkRegistry(registry);
  if (!walk.ok) return walk;
  const weaver = plan.weaver ?? 'weaver';
  const future = options.future === true;
  const ran = await runWeaver({
    weaver,
    registry,
    future,
    regoPolicies: plan.regoPolicies,
    signal,
  });
  if (!ran.ok) return ran;
  // certify's own policy pack is not known to Weaver: apply it with the built-in stages.
  let policyDiagnostics: readonly Diagnostic[] = [];
  if (plan.builtinPolicies.length > 0) {
    const builtin = await runBuiltinStages(registry, plan.builtinPolicies);
    if (!builtin.ok) return builtin;
    policyDiagnostics = builtin.run.policyDiagnostics;
  }
  return {
    ok: true,
    diagnostics: [...ran.diagnostics, ...policyDiagnostics],
    fileCount: walk.found.yaml.length,
  };
}

/**
 * Checks a registry folder the way `weaver registry check` does, with the built-in stages or
 * the real weaver binary. Never throws for bad registry content.
 */
export async function checkRegistry(options: RegistryCheckOptions): Promise<RegistryCheckResult> {
  const plan = planEngine({
    engine: options.engine ?? 'auto',
    policies: options.policies ?? [],
    env: options.env ?? process.env,
    ...(options.weaverPath === undefined ? {} : { weaverPath: options.weaverPath }),
  });
  if (!plan.ok) return { kind: 'usage-error', message: plan.message };
  const folderProblem = await registryFolderProblem(options.registry);
  if (folderProblem !== undefined) return { kind: 'io-error', message: folderProblem.message };
  const future = options.future === true;
  const found =
    plan.engine === 'builtin'
      ? await checkWithBuiltin(options.registry, plan.builtinPolicies)
      : await checkWithWeaver(options, plan);
  if (!found.ok) return { kind: 'io-error', message: found.message };
  // Weaver applies --future itself; for the built-in engine certify does.
  const adjusted =
    future && plan.engine === 'builtin' ? promoteWarnings(found.diagnostics) : found.diagnostics;
  const diagnostics = sortDiagnostics(adjusted);
  const counts = countDiagnostics(diagnostics);
  return {
    kind: 'checked',
    engine: plan.engine,
    passed: counts.errors === 0,
    diagnostics,
    counts,
    fileCount: found.fileCount,
  };
}

/**
 * The outcome of loading a registry for use (live-check): the resolved registry when it has no
 * errors, with its warnings; otherwise the diagnostics that make it unusable.
 */
export type LoadResolvedRegistryResult =
  | {
      readonly kind: 'resolved';
      readonly registry: ResolvedRegistry;
      readonly warnings: readonly Diagnostic[];
    }
  | { readonly kind: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'io-error'; readonly message: string };

/**
 * Loads, checks and resolves a registry folder with the built-in stages (no policies), for a
 * stage that needs the registry itself. Never throws for bad registry content.
 */
export async function loadResolvedRegistry(root: string): Promise<LoadResolvedRegistryResult> {
  const outcome = await runBuiltinStages(root, []);
  if (!outcome.ok) return { kind: 'io-error', message: outcome.message };
  const diagnostics = sortDiagnostics(outcome.run.diagnostics);
  if (countDiagnostics(diagnostics).errors > 0) return { kind: 'invalid', diagnostics };
  return { kind: 'resolved', registry: outcome.run.registry, warnings: diagnostics };
}
