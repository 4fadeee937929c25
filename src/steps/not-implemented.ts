import type { StepSpec } from '../pipeline/index.ts';
import type { StepOutcome } from './types.ts';

/**
 * A step kind the pipeline may list before certify implements it. It cannot pass: it is reported
 * as inconclusive, so the verdict cannot be "certified" while it stands in.
 */
export function notImplemented(spec: StepSpec): Promise<StepOutcome> {
  return Promise.resolve({
    status: 'inconclusive',
    reason: `not run: the ${spec.kind} step is not implemented in this version of certify`,
  });
}
