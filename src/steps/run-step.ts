import type { StepSpec } from '../pipeline/index.ts';
import { runCommandStep } from './command.ts';
import { runDocsCheckStep } from './docs-check.ts';
import { runEslintStep } from './eslint.ts';
import { runLiveCheckStep } from './live-check.ts';
import { runRegistryCheckStep } from './registry-check.ts';
import { runSecurityAuditStep } from './security-audit.ts';
import { runTickBenchStep } from './tick-bench.ts';
import { runTypecheckStep } from './typecheck.ts';
import type { StepContext, StepOutcome } from './types.ts';
import { runVitestStep } from './vitest.ts';

/** Runs one step of any kind. A step reports its problems as its outcome; it does not throw. */
export function runStep(spec: StepSpec, context: StepContext): Promise<StepOutcome> {
  switch (spec.kind) {
    case 'command':
      return runCommandStep(spec, context);
    case 'vitest':
      return runVitestStep(spec, context);
    case 'security-audit':
      return runSecurityAuditStep(spec, context);
    case 'docs-check':
      return runDocsCheckStep(spec, context);
    case 'registry-check':
      return runRegistryCheckStep(spec, context);
    case 'live-check':
      return runLiveCheckStep(spec, context);
    case 'tick-bench':
      return runTickBenchStep(spec, context);
    case 'typecheck':
      return runTypecheckStep(spec, context);
    case 'eslint':
      return runEslintStep(spec, context);
  }
}
