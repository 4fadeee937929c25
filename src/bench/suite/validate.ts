import { failure, type Outcome } from '../errors.ts';
import type { BenchCase, BenchSuite, BenchTiming } from './types.ts';

type Field = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isPositiveInteger: Field = (value) => Number.isSafeInteger(value) && (value as number) > 0;
const isPositiveNumber: Field = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
const isName: Field = (value) => typeof value === 'string' && value.trim() !== '';

/** The first field of `record` that breaks its rule, as "where: what was expected". */
function firstBadField(
  record: Record<string, unknown>,
  where: string,
  rules: Record<string, { check: Field; expected: string; optional?: boolean }>,
): string | undefined {
  for (const [key, rule] of Object.entries(rules)) {
    const value = record[key];
    if (value === undefined && rule.optional === true) continue;
    if (!rule.check(value))
      return `${where}.${key} must be ${rule.expected}, got ${describe(value)}`;
  }
  return undefined;
}

function describe(value: unknown): string {
  switch (typeof value) {
    case 'function':
      return 'a function';
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'symbol':
    case 'undefined':
      return typeof value;
  }
}

function caseProblem(entry: unknown, index: number): string | undefined {
  const where = `cases[${index}]`;
  if (!isRecord(entry)) return `${where} must be an object, got ${describe(entry)}`;
  return firstBadField(entry, where, {
    name: { check: isName, expected: 'a non-empty string' },
    opsPerRun: { check: isPositiveInteger, expected: 'a positive integer' },
    setup: { check: (value) => typeof value === 'function', expected: 'a function' },
  });
}

function ratioProblem(
  entry: unknown,
  index: number,
  names: ReadonlySet<string>,
): string | undefined {
  const where = `ratios[${index}]`;
  if (!isRecord(entry)) return `${where} must be an object, got ${describe(entry)}`;
  const isCase: Field = (value) => typeof value === 'string' && names.has(value);
  return firstBadField(entry, where, {
    numerator: { check: isCase, expected: "one of the suite's case names" },
    denominator: { check: isCase, expected: "one of the suite's case names" },
    limit: { check: isPositiveNumber, expected: 'a positive number', optional: true },
  });
}

function timingProblem(timing: unknown): string | undefined {
  if (timing === undefined) return undefined;
  if (!isRecord(timing)) return `timing must be an object, got ${describe(timing)}`;
  const rules: Record<keyof BenchTiming, { check: Field; expected: string; optional: true }> = {
    warmupPassMs: { check: isPositiveNumber, expected: 'a positive number', optional: true },
    maxWarmupPasses: { check: isPositiveInteger, expected: 'a positive integer', optional: true },
    minSamples: { check: isPositiveInteger, expected: 'a positive integer', optional: true },
    minTimeMs: { check: isPositiveNumber, expected: 'a positive number', optional: true },
    rounds: { check: isPositiveInteger, expected: 'a positive integer', optional: true },
  };
  return firstBadField(timing, 'timing', rules);
}

function duplicateName(cases: readonly BenchCase[]): string | undefined {
  const seen = new Set<string>();
  for (const { name } of cases) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

function suiteProblem(exported: unknown): string | undefined {
  if (!isRecord(exported))
    return `its default export must be a suite object, got ${describe(exported)}`;
  const { cases, ratios, timing } = exported;
  if (!Array.isArray(cases) || cases.length === 0) return 'cases must be a non-empty array';
  const caseIssue = cases.map(caseProblem).find((problem) => problem !== undefined);
  if (caseIssue !== undefined) return caseIssue;
  const duplicate = duplicateName(cases as BenchCase[]);
  if (duplicate !== undefined) return `case name ${JSON.stringify(duplicate)} is used twice`;
  if (ratios !== undefined && !Array.isArray(ratios)) return 'ratios must be an array';
  const names = new Set((cases as BenchCase[]).map((entry) => entry.name));
  const ratioIssue = ((ratios ?? []) as unknown[])
    .map((entry, index) => ratioProblem(entry, index, names))
    .find((problem) => problem !== undefined);
  return ratioIssue ?? timingProblem(timing);
}

/** Checks that a suite module's default export has the `BenchSuite` shape; says where it does not. */
export function validateSuite(exported: unknown, path: string): Outcome<BenchSuite> {
  const problem = suiteProblem(exported);
  if (problem !== undefined) return failure('SUITE_INVALID', `suite ${path}: ${problem}`);
  return { ok: true, value: exported as BenchSuite };
}
