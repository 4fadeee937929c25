/**
 * A pipeline file, as validated against `pipeline.schema.json`. The types mirror the schema; a test
 * keeps them together by loading every kind of step.
 */

/** Options every step has, whatever its kind. */
interface StepBase {
  readonly id: string;
  readonly name?: string;
  readonly timeoutSeconds: number;
  readonly exclusive?: boolean;
}

export interface CommandStepSpec extends StepBase {
  readonly kind: 'command';
  readonly command: readonly [string, ...string[]];
}

/** Coverage floors of a vitest step, in percent of the feature's source (`feature.source`). */
export interface CoverageFloors {
  /** Line coverage floor (default 90). */
  readonly lines?: number;
  /** Branch coverage floor (default: none, the figure is reported). */
  readonly branches?: number;
  /** Whether the floors also hold for every file, not only for the total (default true). */
  readonly perFile?: boolean;
}

export interface VitestStepSpec extends StepBase {
  readonly kind: 'vitest';
  readonly args?: readonly string[];
  /** Test files run at once (`cores`: one per core); the project's Vitest setting when absent. */
  readonly maxWorkers?: number | 'cores';
  /** Coverage of `feature.source` and its floors; `off` measures none (said in the reason). */
  readonly coverage?: CoverageFloors | 'off';
}

export type NpmAuditMode = 'required' | 'when-available' | 'off';
export type AuditLevel = 'low' | 'moderate' | 'high' | 'critical';

export interface SecurityAuditStepSpec extends StepBase {
  readonly kind: 'security-audit';
  readonly npmAudit?: NpmAuditMode;
  readonly auditLevel?: AuditLevel;
}

export interface DocsCheckStepSpec extends StepBase {
  readonly kind: 'docs-check';
}

export interface RegistryCheckStepSpec extends StepBase {
  readonly kind: 'registry-check';
  readonly policies?: readonly string[];
  readonly engine?: 'auto' | 'builtin' | 'weaver';
  readonly future?: boolean;
}

export interface LiveCheckStepSpec extends StepBase {
  readonly kind: 'live-check';
  readonly command: readonly [string, ...string[]];
  readonly failOn?: 'violation' | 'improvement' | 'information' | 'none';
}

/** Overrides of a benchmark suite's own sampling (see `BenchTiming` in src/bench). */
export interface TickBenchTiming {
  readonly rounds?: number;
  readonly minSamples?: number;
  readonly minTimeMs?: number;
  readonly warmupPassMs?: number;
  readonly maxWarmupPasses?: number;
}

/** How the statistical gate samples and decides (see `GateOptions` in src/bench). */
export interface TickBenchGate {
  readonly confidence?: number;
  readonly timeCapSeconds?: number;
  readonly minProcesses?: number;
  readonly maxProcesses?: number;
  readonly windowMs?: number;
}

export interface TickBenchStepSpec extends StepBase {
  readonly kind: 'tick-bench';
  /** The suite module, relative to the project root. */
  readonly suite: string;
  /** Measure the cases that are not gated too (peers, ratios); false by default. */
  readonly peers?: boolean;
  /** Of the cases that are not gated, only these (with `peers`); every one by default. */
  readonly cases?: readonly string[];
  readonly timing?: TickBenchTiming;
  readonly gate?: TickBenchGate;
}

/** A TypeScript project: a tsconfig file, or a folder holding tsconfig.json (as `tsc -p`). */
export interface TypeScriptProjectSpec {
  /** Relative to the project root. */
  readonly project: string;
}

export interface TypecheckStepSpec extends StepBase, TypeScriptProjectSpec {
  readonly kind: 'typecheck';
}

export interface EslintStepSpec extends StepBase {
  readonly kind: 'eslint';
  /** Files and folders to lint (or globs), as the eslint CLI's arguments. */
  readonly paths: readonly [string, ...string[]];
  /** Warnings allowed before the step fails (default 0). */
  readonly maxWarnings?: number;
  /** Typed rules read this project's shared program instead of building their own. */
  readonly typeInfo?: TypeScriptProjectSpec;
}

export type StepSpec =
  | CommandStepSpec
  | VitestStepSpec
  | SecurityAuditStepSpec
  | DocsCheckStepSpec
  | RegistryCheckStepSpec
  | LiveCheckStepSpec
  | TickBenchStepSpec
  | TypecheckStepSpec
  | EslintStepSpec;

export type StepKind = StepSpec['kind'];

/** Every kind of step, as the schema lists them (a test keeps the two equal). */
export const stepKinds = [
  'command',
  'vitest',
  'security-audit',
  'docs-check',
  'registry-check',
  'live-check',
  'tick-bench',
  'typecheck',
  'eslint',
] as const satisfies readonly StepKind[];

export interface TierSpec {
  readonly id: string;
  readonly name: string;
  readonly concurrency?: number;
  readonly steps: readonly StepSpec[];
}

/** A library is used by other code and may not start processes; an application may. */
export type FeatureKind = 'library' | 'application';

export interface FeatureSpec {
  readonly name: string;
  /** Default `library`. */
  readonly kind?: FeatureKind;
  /** The feature's folder, relative to the project root. */
  readonly root: string;
  /** Its source folder (the security audit's scope). */
  readonly source: string;
  /** Its public entry file (the documentation check's scope). */
  readonly entry: string;
}

/** The gated benchmark case, or cases, each one's median held to `max` ticks per event. */
export type TicksPerEventBudget =
  | { readonly case: string; readonly max: number }
  | { readonly cases: readonly [string, ...string[]]; readonly max: number };

export interface Budgets {
  readonly ticksPerEvent: TicksPerEventBudget;
  /** Minimum live-check registry coverage, in percent. */
  readonly liveCheckCoverage: number;
}

/** The pipeline file's content. Paths are relative to the project root. */
export interface PipelineFile {
  readonly version: 1;
  readonly feature: FeatureSpec;
  readonly registry: string;
  /** The exemptions file (see `Exemption`); none when absent. */
  readonly exemptions?: string;
  readonly budgets: Budgets;
  readonly tiers: readonly TierSpec[];
}

/**
 * The checks a written exemption may name, by the kind of step that makes them. A finding of
 * any other rule (a failed test, one that asserts nothing, a `.only`, an advisory, an expired
 * exemption) cannot be exempted.
 */
export const exemptableChecks = {
  vitest: ['skipped-test', 'trivial-assertion', 'coverage-lines', 'coverage-branches'],
  'security-audit': [
    'dynamic-code',
    'dynamic-import',
    'child-process',
    'shell-command',
    'non-null-assertion',
    'as-any',
    'explicit-any',
    'eslint-disable',
    'eslint-config',
    'ts-ignore',
    'ts-expect-error',
    'ts-nocheck',
    'prettier-ignore',
    'coverage-ignore',
    'private-key',
    'aws-access-key',
    'aws-secret-key',
    'github-token',
    'gitlab-token',
    'slack-token',
    'google-api-key',
    'stripe-key',
    'npm-token',
    'openai-key',
    'jwt',
    'azure-storage-key',
    'secret-assignment',
  ],
} as const satisfies Partial<Record<StepKind, readonly string[]>>;

export type ExemptableCheck = (typeof exemptableChecks)[keyof typeof exemptableChecks][number];

/** One entry of the exemptions file, as written there. */
export interface ExemptionEntry {
  /** The finding's rule, one of `exemptableChecks`. */
  readonly check: ExemptableCheck;
  /** The finding's file: a path or a glob (`**`, `*`), relative to the project root. */
  readonly file: string;
  /** Text the finding's message must contain (for example a test's name); any when absent. */
  readonly match?: string;
  /** Why the finding is acceptable, for the person reading the report. */
  readonly reason: string;
  /** Who answers for it. */
  readonly owner: string;
  /** The last day it holds, `YYYY-MM-DD` (UTC); after it, the exemption is itself a finding. */
  readonly expires: string;
}

/** The exemptions file's content. */
export interface ExemptionsFile {
  readonly version: 1;
  readonly exemptions: readonly ExemptionEntry[];
}

/** An entry of the exemptions file, with where it is written. */
export interface Exemption extends ExemptionEntry {
  /** Where the entry is written: the exemptions file (relative to the project root) and line. */
  readonly source: { readonly file: string; readonly line: number };
}

/** A loaded pipeline: the file's content and where it was read from. */
export interface Pipeline extends PipelineFile {
  /** Absolute path of the pipeline file. */
  readonly file: string;
  /** Absolute path every relative path in the file is resolved against. */
  readonly projectRoot: string;
  /** The entries of the `exemptions` file, in file order (none without one). */
  readonly exemptionEntries: readonly Exemption[];
}
