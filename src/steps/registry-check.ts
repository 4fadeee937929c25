import { relative, resolve } from 'node:path';
import { plural } from '../common/index.ts';
import type { RegistryCheckStepSpec } from '../pipeline/index.ts';
import { checkRegistry, type Diagnostic } from '../registry/index.ts';
import type { Finding, StepContext, StepOutcome } from './types.ts';

function findingOf(diagnostic: Diagnostic, projectRoot: string): Finding {
  const where = diagnostic.group ?? diagnostic.attribute;
  const about = where === undefined ? '' : ` [${where}]`;
  const location = diagnostic.location;
  return {
    rule: diagnostic.id,
    message: `${diagnostic.level}: ${diagnostic.message}${about}`,
    ...(location === undefined
      ? {}
      : {
          file: relative(projectRoot, resolve(projectRoot, location.file)),
          line: location.line,
          column: location.column,
        }),
  };
}

/**
 * The feature's registry checked as `weaver registry check` does, in-process (or by the real
 * weaver binary when the engine says so): any error fails the step, warnings are reported.
 */
export async function runRegistryCheckStep(
  spec: RegistryCheckStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const { projectRoot } = context.pipeline;
  const result = await checkRegistry({
    registry: resolve(projectRoot, context.pipeline.registry),
    policies: (spec.policies ?? []).map((policy) =>
      policy.startsWith('builtin:') ? policy : resolve(projectRoot, policy),
    ),
    engine: spec.engine ?? 'auto',
    future: spec.future === true,
    env: context.env,
    signal: context.signal,
  });
  if (result.kind !== 'checked') {
    return {
      status: 'inconclusive',
      reason: `the registry check could not run: ${result.message}`,
    };
  }
  const { errors, warnings } = result.counts;
  const findings = result.diagnostics.map((diagnostic) => findingOf(diagnostic, projectRoot));
  const details = { kind: 'diagnostics', errors, warnings } as const;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(result.fileCount, 'file')} (${result.engine} engine)`;
  return result.passed
    ? { status: 'pass', reason: summary, details, findings }
    : { status: 'fail', reason: summary, details, findings };
}
