import {
  countDiagnostics,
  promoteWarnings,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCounts,
} from './diagnostic/index.ts';
import { runBuiltinStages } from './engine/index.ts';
import { classifyPolicy } from './policy/index.ts';
import type { ResolvedRegistry } from './resolve/index.ts';

export type EngineChoice = 'auto' | 'builtin' | 'weaver';

export interface RegistryCheckOptions {
  /** The registry folder. */
  readonly registry: string;
  /** Weaver's `--future`: warnings become errors. */
  readonly future?: boolean;
  /** `builtin:otel`, or paths to Rego policies (which need the real Weaver). */
  readonly policies?: readonly string[];
  readonly engine?: EngineChoice;
}

/**
 * The outcome of a registry check. `checked` carries every diagnostic, sorted by place;
 * `passed` is false when any is an error. `usage-error` and `io-error` mean the check could not
 * run (exit code 2); they never come from the registry's content.
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

const regoNeedsWeaver = (path: string) =>
  `the Rego policy ${path} needs the real weaver binary (certify has no Rego engine): install weaver, or run with --engine weaver; certify's own policies are: builtin:otel`;

function skippedRegoWarnings(policyFiles: readonly string[]): Diagnostic[] {
  return policyFiles.map((file) => ({
    id: 'RegoPolicyNotRun',
    level: 'warning',
    message: `Rego policy not run: the built-in engine has no Rego engine (the real weaver would run ${file}); use --engine weaver to apply it`,
    location: { file, line: 1, column: 1 },
  }));
}

/**
 * Checks a registry folder the way `weaver registry check` does. Never throws for bad registry
 * content: every problem is a diagnostic, and a registry that cannot be read is an `io-error`.
 */
export async function checkRegistry(options: RegistryCheckOptions): Promise<RegistryCheckResult> {
  const choices = (options.policies ?? []).map(classifyPolicy);
  const builtinNames: string[] = [];
  for (const choice of choices) {
    if (choice.kind === 'unknown') {
      return {
        kind: 'usage-error',
        message: `unknown built-in policy "${choice.given}"; available: builtin:otel`,
      };
    }
    if (choice.kind === 'rego')
      return { kind: 'usage-error', message: regoNeedsWeaver(choice.path) };
    builtinNames.push(choice.name);
  }
  if (options.engine === 'weaver') {
    return { kind: 'usage-error', message: 'the weaver engine is not available yet' };
  }
  const outcome = await runBuiltinStages(options.registry, builtinNames);
  if (!outcome.ok) return { kind: 'io-error', message: outcome.message };
  const found = [...outcome.run.diagnostics, ...skippedRegoWarnings(outcome.run.policyFiles)];
  const diagnostics = sortDiagnostics(options.future === true ? promoteWarnings(found) : found);
  const counts = countDiagnostics(diagnostics);
  return {
    kind: 'checked',
    engine: 'builtin',
    passed: counts.errors === 0,
    diagnostics,
    counts,
    fileCount: outcome.run.yamlFileCount,
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
 * Loads, checks and resolves a registry folder with the built-in stages (no policies). Never
 * throws for bad registry content.
 */
export async function loadResolvedRegistry(root: string): Promise<LoadResolvedRegistryResult> {
  const outcome = await runBuiltinStages(root, []);
  if (!outcome.ok) return { kind: 'io-error', message: outcome.message };
  const diagnostics = sortDiagnostics(outcome.run.diagnostics);
  if (countDiagnostics(diagnostics).errors > 0) return { kind: 'invalid', diagnostics };
  return { kind: 'resolved', registry: outcome.run.registry, warnings: diagnostics };
}
