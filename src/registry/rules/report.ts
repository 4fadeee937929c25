import type { BuiltinDiagnosticId, Diagnostic, DiagnosticLevel } from '../diagnostic/index.ts';
import { locationOf, type SpecPlace } from '../structure/index.ts';

/** What a rule says about one place; the group and attribute ids are filled in by the caller. */
export interface Finding {
  readonly id: BuiltinDiagnosticId;
  readonly level: DiagnosticLevel;
  readonly message: string;
  readonly place: SpecPlace;
  /** A key of the mapping at `place` to point at, when the finding is about that key. */
  readonly key?: string;
  readonly attribute?: string;
}

export function toDiagnostic(finding: Finding, group: string | undefined): Diagnostic {
  return {
    id: finding.id,
    level: finding.level,
    message: finding.message,
    location: locationOf(finding.place, finding.key),
    ...(group === undefined ? {} : { group }),
    ...(finding.attribute === undefined ? {} : { attribute: finding.attribute }),
  };
}
