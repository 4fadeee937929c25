import { compareText } from '../../common/index.ts';
import type { SourceLocation } from '../../yaml/index.ts';

/** `error` fails the check (exit 1); `warning` is reported and the check still passes. */
export type DiagnosticLevel = 'error' | 'warning';

/**
 * One thing the registry check found. Built-in and real-Weaver diagnostics share this shape, so
 * nothing downstream needs to know which engine ran.
 */
export interface Diagnostic {
  /** Weaver's own name for the problem where it has one (e.g. `InvalidSpanMissingSpanKind`). */
  readonly id: string;
  readonly level: DiagnosticLevel;
  /** What is wrong and what to do, for a person. */
  readonly message: string;
  /** Where in the registry; absent only when the engine gave no place (some Weaver output). */
  readonly location?: SourceLocation;
  /** The group concerned, by id. */
  readonly group?: string;
  /** The attribute concerned, by id (or by the id it references). */
  readonly attribute?: string;
  /** Further facts for tools, as in a Weaver finding's `context`. */
  readonly context?: Readonly<Record<string, string | number | boolean>>;
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const errors = diagnostics.filter((diagnostic) => diagnostic.level === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

function compareOptional(left: string | undefined, right: string | undefined): number {
  return compareText(left ?? '', right ?? '');
}

/** Stable reading order: by file, line, column, then id. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (left, right) =>
      compareOptional(left.location?.file, right.location?.file) ||
      (left.location?.line ?? 0) - (right.location?.line ?? 0) ||
      (left.location?.column ?? 0) - (right.location?.column ?? 0) ||
      compareOptional(left.id, right.id) ||
      compareOptional(left.message, right.message),
  );
}

/** Weaver's `--future`: warnings about things that will become errors become errors now. */
export function promoteWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) =>
    diagnostic.level === 'warning' ? { ...diagnostic, level: 'error' } : diagnostic,
  );
}
