import { minimatch } from 'minimatch';
import { exemptableChecks, type Exemption } from '../pipeline/index.ts';
import type { Finding } from './types.ts';

/** The kinds of step whose findings a written exemption may cover. */
export type ExemptingKind = keyof typeof exemptableChecks;

/** Today's date in UTC, as exemptions write their expiry: `2026-12-01`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The findings with their exemptions applied, and those that still count against the step. */
export interface Exempted {
  /** Every finding, exempted ones marked, then one `exemption-expired` per expired entry. */
  readonly findings: readonly Finding[];
  /** The findings that count: not exempted, and the expired entries. */
  readonly counted: readonly Finding[];
  readonly exemptedCount: number;
}

function covers(entry: Exemption, finding: Finding): boolean {
  return (
    entry.check === finding.rule &&
    finding.file !== undefined &&
    minimatch(finding.file, entry.file, { dot: true }) &&
    (entry.match === undefined || finding.message.includes(entry.match))
  );
}

function expiredFinding(entry: Exemption): Finding {
  const what = entry.match === undefined ? entry.file : `${entry.file} ("${entry.match}")`;
  return {
    rule: 'exemption-expired',
    message: `the exemption of ${entry.check} in ${what} expired on ${entry.expires} (owner: ${entry.owner}); fix the finding, or renew the exemption with its reason`,
    file: entry.source.file,
    line: entry.source.line,
  };
}

/** The entries naming a check of `kind`: those in force, and a finding for each expired one. */
export function exemptionsFor(
  entries: readonly Exemption[],
  kind: ExemptingKind,
  today: string = todayUtc(),
): { readonly active: readonly Exemption[]; readonly expired: readonly Finding[] } {
  const checks: readonly string[] = exemptableChecks[kind];
  const own = entries.filter((entry) => checks.includes(entry.check));
  return {
    active: own.filter((entry) => entry.expires >= today),
    expired: own.filter((entry) => entry.expires < today).map(expiredFinding),
  };
}

/** The findings, each covered by an entry in force marked with that exemption. */
export function markExempted(
  findings: readonly Finding[],
  active: readonly Exemption[],
): Finding[] {
  return findings.map((finding): Finding => {
    const entry = active.find((candidate) => covers(candidate, finding));
    if (entry === undefined) return finding;
    const { reason, owner, expires, source } = entry;
    return {
      ...finding,
      exemption: { reason, owner, expires, source: `${source.file}:${source.line}` },
    };
  });
}

/** Findings that count against a step: those no exemption covers. */
export function counted(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.exemption === undefined);
}

/**
 * Applies the pipeline's written exemptions to a step's findings. Only entries naming a check of
 * `kind` are used; an entry past its expiry date covers nothing and is a finding itself.
 */
export function applyExemptions(
  findings: readonly Finding[],
  entries: readonly Exemption[],
  kind: ExemptingKind,
  today: string = todayUtc(),
): Exempted {
  const { active, expired } = exemptionsFor(entries, kind, today);
  const marked = markExempted(findings, active);
  return {
    findings: [...marked, ...expired],
    counted: [...counted(marked), ...expired],
    exemptedCount: marked.length - counted(marked).length,
  };
}
