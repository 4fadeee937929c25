import type { ErrorObject } from 'ajv';
import { formatPath, pathFromPointer } from './path.ts';
import type { SourceLocation, YamlDocument, YamlPath } from './types.ts';

/** One JSON Schema violation, located in the YAML file and worded for a person. */
export interface SchemaProblem {
  /** The JSON Schema keyword that failed (`additionalProperties`, `required`, `type`, …). */
  readonly keyword: string;
  /** The node concerned; for an unknown or missing key, the path of that key. */
  readonly path: YamlPath;
  readonly message: string;
  readonly location: SourceLocation;
}

const typeNames: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty (null)',
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function expectedTypes(params: Record<string, unknown>): string {
  const { type } = params;
  const names = (Array.isArray(type) ? type : [type]).map((name) => String(name));
  return names.map((name) => typeNames[name] ?? name).join(' or ');
}

const formatNames: Readonly<Record<string, string>> = {
  date: 'a date written YYYY-MM-DD, a day that exists',
  'date-time': 'a date and time as RFC 3339 writes them',
};

function schemaKeysOf(parentSchema: unknown): string[] {
  if (parentSchema === null || typeof parentSchema !== 'object') return [];
  const { properties } = parentSchema as { properties?: unknown };
  if (properties === null || typeof properties !== 'object') return [];
  return Object.keys(properties);
}

function schemaDescription(parentSchema: unknown): string | undefined {
  if (parentSchema === null || typeof parentSchema !== 'object') return undefined;
  const { description } = parentSchema as { description?: unknown };
  return typeof description === 'string' ? description : undefined;
}

function listOf(values: readonly unknown[]): string {
  return values
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(', ');
}

function describe(document: YamlDocument, error: ErrorObject): SchemaProblem {
  const path = pathFromPointer(error.instancePath, document.value);
  const where = formatPath(path);
  const { params } = error;
  const at = (message: string, target: YamlPath = path): SchemaProblem => ({
    keyword: error.keyword,
    path: target,
    message,
    location: document.locate(target),
  });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = schemaKeysOf(error.parentSchema);
      const hint = allowed.length > 0 ? ` (allowed here: ${allowed.join(', ')})` : '';
      const target = [...path, key];
      return {
        keyword: error.keyword,
        path: target,
        message: `unknown key "${key}" in ${where}${hint}`,
        location: document.locateKey(target),
      };
    }
    case 'required':
      return at(`missing required key "${String(params.missingProperty)}" in ${where}`);
    case 'type':
      return at(`${where} must be ${expectedTypes(params)}, not ${describeValue(error.data)}`);
    case 'enum':
      return at(
        `${where} is ${describeValue(error.data)}; expected one of: ${listOf(params.allowedValues as unknown[])}`,
      );
    case 'const':
      return at(`${where} must be ${JSON.stringify(params.allowedValue)}`);
    case 'format': {
      const format = String(params.format);
      const expected = formatNames[format] ?? `the format "${format}"`;
      return at(`${where} is ${describeValue(error.data)}; expected ${expected}`);
    }
    case 'anyOf':
    case 'oneOf': {
      const expected = schemaDescription(error.parentSchema);
      const detail =
        expected === undefined ? 'does not have an accepted form' : `must be ${expected}`;
      return at(`${where} ${detail}`);
    }
    default:
      return at(`${where} ${error.message ?? `fails the "${error.keyword}" rule`}`);
  }
}

/** Errors raised inside one branch of an anyOf/oneOf that failed as a whole: noise. */
function isBranchDetail(error: ErrorObject, alternatives: readonly ErrorObject[]): boolean {
  return alternatives.some(
    (alternative) =>
      alternative !== error &&
      error.schemaPath.startsWith(`${alternative.schemaPath}/`) &&
      error.instancePath.startsWith(alternative.instancePath),
  );
}

/**
 * Turns ajv errors into located problems a person can act on. Ajv must be created with
 * `allErrors: true` (to see every unknown key) and `verbose: true` (for the allowed keys and the
 * offending values in messages). `if` failures are dropped (their `then` errors say what is
 * wrong), and so are the per-branch details of a failed anyOf/oneOf, which is reported once.
 */
export function describeSchemaErrors(
  document: YamlDocument,
  errors: readonly ErrorObject[],
): SchemaProblem[] {
  const alternatives = errors.filter(
    (error) => error.keyword === 'anyOf' || error.keyword === 'oneOf',
  );
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || isBranchDetail(error, alternatives)) continue;
    const problem = describe(document, error);
    const key = `${problem.keyword}|${formatPath(problem.path)}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
