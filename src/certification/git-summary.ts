import type { GitState } from '../attestation/index.ts';
import type { GitSummary } from '../report/index.ts';

/** The report's account of the git state the subjects recorded. */
export function gitSummaryOf(state: GitState): GitSummary {
  if (state.kind === 'unavailable') return { commit: null, reason: state.reason };
  return { commit: state.commit, workingTree: state.workingTree.kind };
}
