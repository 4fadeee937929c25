/** The `_type` of an in-toto Statement v1. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** One thing the statement is about, identified by its digests (verifiers match by digest). */
export interface Subject {
  readonly name: string;
  readonly digest: Readonly<Record<string, string>>;
}

/** An in-toto Statement v1: subjects, and a predicate (here, the certification report). */
export interface Statement<Predicate = Readonly<Record<string, unknown>>> {
  readonly _type: typeof IN_TOTO_STATEMENT_TYPE;
  readonly subject: readonly Subject[];
  readonly predicateType: string;
  readonly predicate: Predicate;
}

export interface BuildStatementOptions<Predicate> {
  readonly subjects: readonly Subject[];
  /** A URI naming the predicate's format and version. */
  readonly predicateType: string;
  readonly predicate: Predicate;
}

export function buildStatement<Predicate>(
  options: BuildStatementOptions<Predicate>,
): Statement<Predicate> {
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: options.subjects,
    predicateType: options.predicateType,
    predicate: options.predicate,
  };
}
