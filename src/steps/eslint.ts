import type { EslintStepSpec } from '../pipeline/index.ts';
import type { LintMessage, LintReply } from '../typescript-session/index.ts';
import { byLocation } from './findings.ts';
import { plural } from '../common/index.ts';
import { describeProgram, describeTool, sessionFailure } from './typescript-session.ts';
import type { Finding, StepContext, StepOutcome } from './types.ts';

function findingOf(message: LintMessage): Finding {
  return {
    rule: message.ruleId ?? (message.fatal ? 'parse-error' : 'eslint'),
    message: `${message.severity}: ${message.message}`,
    file: message.file,
    line: message.line,
    column: message.column,
  };
}

/** What failed the run, as `eslint --max-warnings` decides: errors, or warnings over the limit. */
function verdict(reply: LintReply, maxWarnings: number): 'pass' | 'fail' {
  const { errorCount, fatalErrorCount, warningCount } = reply;
  return errorCount > 0 || fatalErrorCount > 0 || warningCount > maxWarnings ? 'fail' : 'pass';
}

function reasonOf(reply: LintReply, maxWarnings: number): string {
  const counts = `${plural(reply.errorCount, 'error')}, ${plural(reply.warningCount, 'warning')} (at most ${maxWarnings} allowed)`;
  const typeInfo = reply.program === undefined ? '' : `; ${describeProgram(reply.program)}`;
  return `${counts} in ${plural(reply.fileCount, 'file')} (${describeTool('ESLint', reply.eslint)}${typeInfo})`;
}

/**
 * `eslint --max-warnings N <paths>` with the project's own ESLint and config, in the run's
 * TypeScript session; with `typeInfo`, typed rules read that project's shared program.
 */
export async function runEslintStep(
  spec: EslintStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const maxWarnings = spec.maxWarnings ?? 0;
  const request = {
    paths: spec.paths,
    ...(spec.typeInfo === undefined ? {} : { project: spec.typeInfo.project }),
  };
  let reply: LintReply;
  try {
    reply = await context
      .typeScript()
      .lint(request, { signal: context.signal, onOutput: context.progress });
  } catch (error: unknown) {
    return sessionFailure('eslint', error);
  }
  const details = {
    kind: 'diagnostics',
    errors: reply.errorCount,
    warnings: reply.warningCount,
  } as const;
  const findings = reply.messages.map(findingOf).sort(byLocation);
  const reason = reasonOf(reply, maxWarnings);
  return verdict(reply, maxWarnings) === 'pass'
    ? { status: 'pass', reason, details, findings }
    : { status: 'fail', reason, details, findings };
}
