import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { formatPath, pathFromPointer } from '../yaml/index.ts';
import reportSchema from './report.schema.json' with { type: 'json' };
import { CERTIFICATION_PREDICATE_TYPE, type CertificationReport } from './types.ts';

const ajv = new Ajv({ allErrors: true, discriminator: true, strict: true });
addFormats.default(ajv, ['date-time', 'date']);
const matchesSchema = ajv.compile<CertificationReport>(reportSchema);

export type ReportValidation =
  | { readonly ok: true; readonly report: CertificationReport }
  | { readonly ok: false; readonly problems: readonly string[] };

function describe(error: ErrorObject, value: unknown): string {
  const path = formatPath(pathFromPointer(error.instancePath, value));
  if (error.keyword === 'additionalProperties') {
    return `${path}: unknown key "${String((error.params as { additionalProperty: unknown }).additionalProperty)}"`;
  }
  return `${path}: ${error.message ?? `fails the ${error.keyword} rule`}`;
}

/** What the schema cannot say: a certified verdict needs every step passed. */
function verdictProblems(report: CertificationReport): string[] {
  if (!report.verdict.certified) return [];
  return report.tiers.flatMap((tier) =>
    tier.steps
      .filter((step) => step.status !== 'pass')
      .map((step) => `verdict: certified, but step "${step.id}" is ${step.status}`),
  );
}

/**
 * Checks a certification report against the JSON Schema shipped with certify
 * (`src/report/report.schema.json`) and the verdict's rule. The runner checks every report with it
 * before signing; `certify verify` checks a signed report's predicate with it.
 */
export function validateCertificationReport(value: unknown): ReportValidation {
  if (!matchesSchema(value)) {
    const errors = matchesSchema.errors ?? [];
    return { ok: false, problems: errors.map((error) => describe(error, value)) };
  }
  const problems = verdictProblems(value);
  return problems.length === 0 ? { ok: true, report: value } : { ok: false, problems };
}

/**
 * The certification report as an in-toto predicate: its type and its validator, in the shape the
 * attestation stage takes (`PredicateSchema`) for signing and for `certify verify`.
 */
export const certificationPredicate = {
  predicateType: CERTIFICATION_PREDICATE_TYPE,
  validate(predicate: unknown): { ok: true } | { ok: false; problems: readonly string[] } {
    const result = validateCertificationReport(predicate);
    return result.ok ? { ok: true } : { ok: false, problems: result.problems };
  },
} as const;
