import type { TicksPerEventBudget } from './types.ts';

/** The gated cases of a tick budget, whichever form the file used (`case` or `cases`). */
export function gatedCasesOf(budget: TicksPerEventBudget): readonly string[] {
  return 'cases' in budget ? budget.cases : [budget.case];
}
