import type { Budgets, FeatureSpec, StepKind } from '../pipeline/index.ts';
import type { Finding, StepDetails, StepStatus } from '../steps/index.ts';
import type { TierStatus } from '../runner/index.ts';

/** The report's format: the in-toto predicateType of the signed Statement that carries it. */
export const CERTIFICATION_PREDICATE_TYPE = 'urn:certify:certification-report:v1';

export interface ReportStep {
  readonly id: string;
  readonly name: string;
  readonly kind: StepKind;
  readonly status: StepStatus;
  readonly reason: string;
  readonly durationMs: number;
  readonly findings: readonly Finding[];
  readonly details?: StepDetails;
  readonly outputTail?: readonly string[];
}

export interface ReportTier {
  readonly id: string;
  readonly name: string;
  readonly status: TierStatus;
  readonly durationMs: number;
  readonly steps: readonly ReportStep[];
}

export interface Verdict {
  /** Certified only when every step of every tier passed. */
  readonly certified: boolean;
  /** One line: `CERTIFIED: all 9 steps passed` or what kept it from being certified. */
  readonly summary: string;
  /** Advisory checks that could not be made: reported, never counted as passed. */
  readonly notes: readonly string[];
}

export interface Environment {
  readonly node: string;
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string };
  readonly cpu: { readonly model: string; readonly cores: number };
  readonly certifyVersion: string;
}

/** Who signed the report; a self-signed report is signed by a local key nobody vouches for. */
export interface Signer {
  readonly keyid: string;
  readonly selfSigned: boolean;
  readonly source: string;
}

/** The git state of the certified tree, as the attestation's subjects record it. */
export type GitSummary =
  | { readonly commit: string; readonly workingTree: 'clean' | 'dirty' | 'unknown' }
  | { readonly commit: null; readonly reason: string };

/** How this run was restricted: a restricted run certifies nothing. */
export interface RunOptions {
  readonly keepGoing: boolean;
  readonly only: readonly string[];
}

/** What became of a written exemption in this run. */
export type ExemptionStatus = 'applied' | 'stale' | 'expired' | 'not-checked';

/** A written exemption of the pipeline, as the report records it. */
export interface ReportExemption {
  readonly check: string;
  readonly file: string;
  readonly match?: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
  /** Where it is written: `pipeline/exemptions.yaml:12`. */
  readonly source: string;
  readonly status: ExemptionStatus;
  /** Findings of this run it covers. */
  readonly findings: number;
}

/** The certification report: written as JSON, rendered as Markdown, signed as the predicate. */
export interface CertificationReport {
  readonly reportVersion: 1;
  readonly feature: FeatureSpec;
  readonly registry: string;
  /** The pipeline file, relative to the project root. */
  readonly pipeline: string;
  /** The pipeline's written exemptions; absent when it has none. */
  readonly exemptions?: readonly ReportExemption[];
  readonly budgets: Budgets;
  readonly verdict: Verdict;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly environment: Environment;
  readonly signer: Signer;
  readonly git: GitSummary;
  readonly run: RunOptions;
  readonly tiers: readonly ReportTier[];
}
