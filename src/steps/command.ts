import type { CommandStepSpec } from '../pipeline/index.ts';
import { runProcess, type ProcessResult } from './process.ts';
import type { StepContext, StepOutcome } from './types.ts';

function describeEnd(result: ProcessResult): string {
  if (result.startError !== undefined) return `could not start: ${result.startError}`;
  if (result.signal !== null) return `stopped by ${result.signal}`;
  return `exited with code ${String(result.exitCode)}`;
}

/** A command step passes when its program exits 0. */
export async function runCommandStep(
  spec: CommandStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const result = await runProcess(spec.command, {
    cwd: context.pipeline.projectRoot,
    signal: context.signal,
    env: context.env,
    onLine: context.progress,
  });
  const details = { kind: 'command', argv: spec.command, exitCode: result.exitCode } as const;
  const shown = spec.command.join(' ');
  if (result.exitCode === 0)
    return { status: 'pass', reason: `${shown} exited with code 0`, details };
  return {
    status: 'fail',
    reason: `${shown} ${describeEnd(result)}`,
    details,
    outputTail: result.outputTail,
  };
}
