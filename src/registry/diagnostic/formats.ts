import { styleText } from 'node:util';
import { plural } from '../../common/index.ts';
import type { Diagnostic, DiagnosticCounts } from './model.ts';

export const diagnosticFormats = ['ansi', 'json', 'gh_workflow_command'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

function where(diagnostic: Diagnostic): string {
  const { location } = diagnostic;
  return location === undefined
    ? '(no location)'
    : `${location.file}:${location.line}:${location.column}`;
}

function subject(diagnostic: Diagnostic): string {
  const parts = [
    diagnostic.group === undefined ? undefined : `group ${diagnostic.group}`,
    diagnostic.attribute === undefined ? undefined : `attribute ${diagnostic.attribute}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

export interface SummaryFacts {
  readonly counts: DiagnosticCounts;
  readonly fileCount: number;
  readonly engine: string;
}

/** The last line of a check: passed or failed, and how much was found. */
export function summaryLine(facts: SummaryFacts): string {
  const { errors, warnings } = facts.counts;
  const verdict = errors === 0 ? 'registry check passed' : 'registry check failed';
  return `${verdict}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(facts.fileCount, 'file')} (${facts.engine} engine)`;
}

/** The human format: one block per diagnostic, coloured only when `color` is set. */
export function formatAnsi(diagnostics: readonly Diagnostic[], color: boolean): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    color ? styleText(format, text) : text;
  return diagnostics
    .map((diagnostic) => {
      const label =
        diagnostic.level === 'error'
          ? paint(['bold', 'red'], 'error')
          : paint(['bold', 'yellow'], 'warning');
      const head = `${label}[${diagnostic.id}] ${paint('cyan', where(diagnostic))}${subject(diagnostic)}`;
      return `${head}\n  ${diagnostic.message.replaceAll('\n', '\n  ')}\n`;
    })
    .join('\n');
}

/**
 * One finding in the shape of Weaver's policy findings (`policy.finding.json`): `level` is
 * Weaver's finding level, `violation` for an error and `improvement` for a warning; the place
 * and subject are in `context`.
 */
export interface JsonFinding {
  readonly id: string;
  readonly level: 'violation' | 'improvement';
  readonly message: string;
  readonly context: Readonly<Record<string, string | number | boolean>>;
}

export function toJsonFinding(diagnostic: Diagnostic): JsonFinding {
  const { location } = diagnostic;
  return {
    id: diagnostic.id,
    level: diagnostic.level === 'error' ? 'violation' : 'improvement',
    message: diagnostic.message,
    context: {
      ...(location === undefined
        ? {}
        : { file: location.file, line: location.line, column: location.column }),
      ...(diagnostic.group === undefined ? {} : { group: diagnostic.group }),
      ...(diagnostic.attribute === undefined ? {} : { attribute: diagnostic.attribute }),
      ...diagnostic.context,
    },
  };
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnostics.map(toJsonFinding), null, 2)}\n`;
}

/** GitHub's escaping for workflow-command data and property values. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `::error file=…,line=…,col=…,title=…::message` lines, which GitHub shows on the changed lines. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const { location } = diagnostic;
      const properties = [
        ...(location === undefined
          ? []
          : [
              `file=${escapeProperty(location.file)}`,
              `line=${location.line}`,
              `col=${location.column}`,
            ]),
        `title=${escapeProperty(diagnostic.id)}`,
      ].join(',');
      return `::${diagnostic.level} ${properties}::${escapeData(`${diagnostic.message}${subject(diagnostic)}`)}\n`;
    })
    .join('');
}
