import type { StepKind } from '../pipeline/index.ts';
import type { StepOutcome } from '../steps/index.ts';

/** What identifies a step in the results. */
export interface StepIdentity {
  readonly id: string;
  readonly name: string;
  readonly kind: StepKind;
}

/** A step's outcome, with when it ran and for how long. */
export type StepResult = StepOutcome &
  StepIdentity & {
    readonly durationMs: number;
  };

export type TierStatus = 'pass' | 'fail' | 'inconclusive' | 'skipped';

export interface TierResult {
  readonly id: string;
  readonly name: string;
  /** fail if a step failed; else inconclusive if one was; skipped if none ran; else pass. */
  readonly status: TierStatus;
  readonly durationMs: number;
  readonly steps: readonly StepResult[];
}

/** Everything the run did, in pipeline order. */
export interface RunResult {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** Ctrl-C or SIGTERM stopped the run: its results certify nothing. */
  readonly interrupted: boolean;
  readonly tiers: readonly TierResult[];
}
