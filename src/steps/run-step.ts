import type { StepSpec } from '../pipeline/index.ts';
import type { StepContext, StepOutcome } from './types.ts';

/**
 * Runs one step of any kind. A step reports its problems as its outcome; it does not throw.
 * Each kind's module loads when a step of that kind runs: together they pull in the TypeScript
 * compiler, gRPC and protobufjs, which a run of other steps (or `--only`) does not need.
 */
export async function runStep(spec: StepSpec, context: StepContext): Promise<StepOutcome> {
  switch (spec.kind) {
    case 'command':
      return (await import('./command.ts')).runCommandStep(spec, context);
    case 'vitest':
      return (await import('./vitest.ts')).runVitestStep(spec, context);
    case 'security-audit':
      return (await import('./security-audit.ts')).runSecurityAuditStep(spec, context);
    case 'docs-check':
      return (await import('./docs-check.ts')).runDocsCheckStep(spec, context);
    case 'registry-check':
      return (await import('./registry-check.ts')).runRegistryCheckStep(spec, context);
    case 'live-check':
      return (await import('./live-check.ts')).runLiveCheckStep(spec, context);
    case 'tick-bench':
      return (await import('./tick-bench.ts')).runTickBenchStep(spec, context);
    case 'typecheck':
      return (await import('./typecheck.ts')).runTypecheckStep(spec, context);
    case 'eslint':
      return (await import('./eslint.ts')).runEslintStep(spec, context);
  }
}
