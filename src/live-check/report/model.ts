import type { Finding, FindingLevel } from '../check/index.ts';

/** One category of registry entries and how much of it the samples covered. */
export interface CategoryCoverage {
  readonly total: number;
  readonly seen: number;
  /** seen / total × 100; 0 when the category is empty. */
  readonly percent: number;
  /** How many times each registry entry was seen (0 for the unseen ones). */
  readonly counts: Readonly<Record<string, number>>;
  readonly unseen: readonly string[];
}

/** A distinct finding and how many times it occurred. */
export interface FindingOccurrences {
  readonly finding: Finding;
  readonly count: number;
}

export interface LiveCheckStatistics {
  readonly total_entities: number;
  readonly total_entities_by_type: Readonly<Record<string, number>>;
  readonly total_findings: number;
  readonly findings_by_level: Readonly<Record<FindingLevel, number>>;
  readonly findings_by_id: Readonly<Record<string, number>>;
  /** Entities counted by the most severe level among their findings. */
  readonly entities_by_highest_level: Readonly<Record<FindingLevel, number>>;
  readonly samples_with_no_finding: number;
  /** Registry entries seen (attributes, spans, metrics, events) / all of them × 100. */
  readonly registry_coverage: number;
  readonly coverage: {
    readonly attributes: CategoryCoverage;
    readonly spans: CategoryCoverage;
    readonly metrics: CategoryCoverage;
    readonly events: CategoryCoverage;
  };
  /** What arrived that the registry does not define, with counts. */
  readonly not_in_registry: {
    readonly attributes: Readonly<Record<string, number>>;
    readonly spans: Readonly<Record<string, number>>;
    readonly metrics: Readonly<Record<string, number>>;
    readonly events: Readonly<Record<string, number>>;
  };
  /** Names beyond the listing cap, counted but not listed (memory stays bounded). */
  readonly not_in_registry_unlisted: number;
}

/** The live-check report: distinct findings in the order first seen, then the statistics. */
export interface LiveCheckReport {
  readonly findings: readonly FindingOccurrences[];
  /** Occurrences of distinct findings beyond the listing cap (counted in the statistics). */
  readonly findings_unlisted: number;
  readonly statistics: LiveCheckStatistics;
}
