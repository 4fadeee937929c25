import type { TypecheckStepSpec } from '../pipeline/index.ts';
import type { TypecheckReply, TypeScriptDiagnostic } from '../typescript-session/index.ts';
import { byLocation } from './findings.ts';
import { plural } from '../common/index.ts';
import { describeProgram, describeTool, sessionFailure } from './typescript-session.ts';
import type { Finding, StepContext, StepOutcome } from './types.ts';

function findingOf(diagnostic: TypeScriptDiagnostic): Finding {
  const level = diagnostic.category === 'error' ? '' : `${diagnostic.category}: `;
  return {
    rule: `TS${diagnostic.code}`,
    message: `${level}${diagnostic.message}`,
    ...(diagnostic.file === undefined ? {} : { file: diagnostic.file }),
    ...(diagnostic.line === undefined ? {} : { line: diagnostic.line }),
    ...(diagnostic.column === undefined ? {} : { column: diagnostic.column }),
  };
}

/**
 * The project type-checked as `tsc --noEmit -p <project>` does, in the run's TypeScript session:
 * the program is built once and shared with the typed lint rules. Passes with no error.
 */
export async function runTypecheckStep(
  spec: TypecheckStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  let reply: TypecheckReply;
  try {
    reply = await context
      .typeScript()
      .typecheck(spec.project, { signal: context.signal, onOutput: context.progress });
  } catch (error: unknown) {
    return sessionFailure('the type check', error);
  }
  const { diagnostics, program, typescript } = reply;
  const errors = diagnostics.filter((d) => d.category === 'error').length;
  const warnings = diagnostics.filter((d) => d.category === 'warning').length;
  const details = { kind: 'diagnostics', errors, warnings } as const;
  const findings = diagnostics.map(findingOf).sort(byLocation);
  const reason =
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(program.fileCount, 'file')} ` +
    `(${describeTool('TypeScript', typescript)}; ${describeProgram(program)})`;
  return errors === 0
    ? { status: 'pass', reason, details, findings }
    : { status: 'fail', reason, details, findings };
}
