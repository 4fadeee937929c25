export type PredicateValidation =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The seam to the predicate's own schema: the attestation stage checks the Statement around a
 * predicate, its owner (for certification reports, src/report) says what a valid predicate is.
 */
export interface PredicateSchema {
  /** The predicateType this schema is for; any other type fails verification. */
  readonly predicateType: string;
  readonly validate: (predicate: unknown) => PredicateValidation;
}
