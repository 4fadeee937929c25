import { readFileSync } from 'node:fs';
import type { SourceLocation } from '../../yaml/index.ts';
import type { Diagnostic, DiagnosticLevel } from '../diagnostic/index.ts';

/**
 * Maps `weaver registry check --diagnostic-format json` output into certify's diagnostics.
 *
 * Weaver prints a JSON array of `DiagnosticMessage` (crate `weaver_common`, module
 * `diagnostic`): `{error, diagnostic}`. `diagnostic` holds miette's fields: `message`,
 * `ansi_message`, and when set `code`, `severity` (`"Error"`, `"Warning"`, `"Advice"`; absent
 * means error), `help`, `url`, `labels` (`[{label, span: {offset, length}, primary}]`).
 * `error` is the Rust error serialized by serde: an externally tagged enum, possibly nested
 * (`{"FailToResolveDefinition": {"UnstableFileFormat": {"file_format": …, "provenance": …}}}`),
 * or, for a policy violation, `{"type": "policy_violation", "provenance": …, "violation":
 * {"id", "level", "message", "context"}}`. The innermost variant name is the diagnostic id.
 */
type Json = Readonly<Record<string, unknown>>;

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The innermost variant of an externally tagged enum, and its fields. */
function innermostVariant(error: Json): { name?: string; fields: Json } {
  let name: string | undefined;
  let fields = error;
  for (;;) {
    const keys = Object.keys(fields);
    const [only] = keys;
    const inner = only === undefined ? undefined : asObject(fields[only]);
    if (keys.length !== 1 || only === undefined || inner === undefined || !/^[A-Z]/.test(only)) {
      return name === undefined ? { fields } : { name, fields };
    }
    name = only;
    fields = inner;
  }
}

/** A provenance is a path string, or `{path, registry_id}` in newer versions. */
function pathOf(value: unknown): string | undefined {
  const direct = asText(value);
  if (direct !== undefined) return direct;
  const object = asObject(value);
  if (object !== undefined) return asText(object.path);
  if (Array.isArray(value)) return pathOf((value as unknown[])[0]);
  return undefined;
}

function fileOf(fields: Json): string | undefined {
  for (const key of ['path_or_url', 'provenance', 'provenances', 'path']) {
    const file = pathOf(fields[key]);
    if (file !== undefined) return file;
  }
  return undefined;
}

/** Line and column of a byte offset in a file (miette spans count bytes). */
function positionAt(file: string, offset: number): { line: number; column: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // the file is gone or elsewhere: keep the file without a line
  }
  const before = bytes.subarray(0, Math.min(offset, bytes.length)).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function locationOf(
  file: string | undefined,
  fields: Json,
  diagnostic: Json,
): SourceLocation | undefined {
  if (file === undefined) return undefined;
  const line = fields.line;
  const column = fields.column;
  if (typeof line === 'number')
    return { file, line, column: typeof column === 'number' ? column : 1 };
  const labels = Array.isArray(diagnostic.labels) ? (diagnostic.labels as unknown[]) : [];
  const span = asObject(asObject(labels[0])?.span);
  const offset = span?.offset;
  const position = typeof offset === 'number' ? positionAt(file, offset) : undefined;
  return { file, line: position?.line ?? 1, column: position?.column ?? 1 };
}

function levelOfSeverity(severity: unknown): DiagnosticLevel {
  return severity === 'Warning' || severity === 'Advice' ? 'warning' : 'error';
}

function flatContext(value: unknown): Record<string, string | number | boolean> {
  const object = asObject(value) ?? {};
  const context: Record<string, string | number | boolean> = {};
  for (const [key, item] of Object.entries(object)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      context[key] = item;
  }
  return context;
}

function subjectOf(fields: Json): { group?: string; attribute?: string } {
  const group = asText(fields.group_id) ?? asText(fields.group);
  const attribute =
    asText(fields.attribute_id) ??
    asText(fields.attribute_ref) ??
    asText(fields.attr) ??
    asText(fields.attribute_key);
  return {
    ...(group === undefined ? {} : { group }),
    ...(attribute === undefined ? {} : { attribute }),
  };
}

function policyDiagnostic(error: Json, diagnostic: Json): Diagnostic {
  const violation = asObject(error.violation) ?? {};
  const context = flatContext(violation.context);
  const level: DiagnosticLevel =
    violation.level === 'improvement' || violation.level === 'information' ? 'warning' : 'error';
  const file = pathOf(error.provenance);
  const location = file === undefined ? undefined : { file, line: 1, column: 1 };
  return {
    id: asText(violation.id) ?? 'policy_violation',
    level,
    message: asText(violation.message) ?? asText(diagnostic.message) ?? 'policy violation',
    ...(location === undefined ? {} : { location }),
    ...subjectOf({ ...context, ...violation }),
    ...(Object.keys(context).length === 0 ? {} : { context }),
  };
}

function mapItem(item: unknown): Diagnostic {
  const entry = asObject(item) ?? {};
  const diagnostic = asObject(entry.diagnostic) ?? {};
  const error = asObject(entry.error) ?? {};
  if (error.type === 'policy_violation') return policyDiagnostic(error, diagnostic);
  const { name, fields } = innermostVariant(error);
  const file = fileOf(fields);
  const location = locationOf(file, fields, diagnostic);
  const message = (asText(diagnostic.message) ?? name ?? 'weaver reported a problem').trimEnd();
  const help = asText(diagnostic.help);
  return {
    id: name ?? asText(diagnostic.code) ?? 'WeaverDiagnostic',
    level: levelOfSeverity(diagnostic.severity),
    message: help === undefined ? message : `${message}\nhelp: ${help}`,
    ...(location === undefined ? {} : { location }),
    ...subjectOf(fields),
  };
}

/** Weaver writes progress to stderr, but be lenient about text before the JSON array. */
function jsonPart(stdout: string): unknown {
  const trimmed = stdout.trim();
  if (trimmed === '') return [];
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.search(/^\[/m);
    if (start === -1) return undefined;
    try {
      return JSON.parse(trimmed.slice(start));
    } catch {
      return undefined;
    }
  }
}

export type WeaverOutput =
  | { readonly ok: true; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly reason: string };

export function mapWeaverJson(stdout: string): WeaverOutput {
  const parsed = jsonPart(stdout);
  if (!Array.isArray(parsed)) {
    return { ok: false, reason: 'its output is not the JSON array of diagnostics expected' };
  }
  return { ok: true, diagnostics: (parsed as unknown[]).map(mapItem) };
}
