import type { SampleAttribute } from '../sample/index.ts';
import { checkAttribute, enumVariantFinding, type AttributeVerdict } from './attributes.ts';
import { BoundedCache } from './cache.ts';
import type { Finding, SignalRef } from './finding.ts';
import { GroupRequirements } from './group-requirements.ts';
import type { RegistryIndex, SignalGroup } from './registry-index.ts';

const namesPerSignal = 2_000;
const entriesPerSignal = 2_000;

/**
 * Everything already decided for one signal (a span name, a metric name, …): its findings depend
 * only on the registry and on names, types and which attributes are missing, so each is computed
 * once and the same finding objects are handed out again. Checking a conforming sample then
 * costs map reads and allocates nothing.
 */
export class SignalCache {
  readonly signal: SignalRef;
  private readonly index: RegistryIndex;
  private readonly verdicts = new BoundedCache<string, Map<string, AttributeVerdict>>(
    namesPerSignal,
  );
  private readonly enumOutliers = new BoundedCache<string, AttributeVerdict>(entriesPerSignal);
  /** Per definition (a span name can match several), its requirement findings. */
  private readonly requirements = new Map<SignalGroup, GroupRequirements>();
  /** Signal-level findings (matching, lifecycle), keyed by what they depend on. */
  readonly heads = new BoundedCache<string, SignalHead>(entriesPerSignal);

  constructor(index: RegistryIndex, signal: SignalRef) {
    this.index = index;
    this.signal = signal;
  }

  /** The attribute's verdict; for an enum value outside the enum, one that also says so. */
  attribute(attribute: SampleAttribute): AttributeVerdict {
    const byType =
      this.verdicts.get(attribute.name) ?? this.verdicts.set(attribute.name, new Map());
    const type = attribute.type ?? '';
    let verdict = byType.get(type);
    if (verdict === undefined) {
      verdict = checkAttribute(this.index, attribute, this.signal);
      byType.set(type, verdict);
    }
    const allowed = verdict.enumValues;
    if (allowed === undefined || allowed.has(attribute.value)) return verdict;
    if (attribute.type !== 'string' && attribute.type !== 'int') return verdict;
    const key = `${attribute.name}\u0000${JSON.stringify(attribute.value)}`;
    const findings = [...verdict.findings, enumVariantFinding(attribute, this.signal)];
    return this.enumOutliers.get(key) ?? this.enumOutliers.set(key, { ...verdict, findings });
  }

  /** Requirement-level findings for the attributes of `group` that the sample lacks. */
  requirementsOf(group: SignalGroup, attributes: readonly SampleAttribute[]): readonly Finding[] {
    let requirements = this.requirements.get(group);
    if (requirements === undefined) {
      requirements = new GroupRequirements(group, this.signal);
      this.requirements.set(group, requirements);
    }
    return requirements.findingsFor(attributes);
  }
}

/** A sample's signal-level outcome: the definition it matched (if any) and its own findings. */
export interface SignalHead {
  readonly group: SignalGroup | undefined;
  /** The registry's name for what was seen (coverage), undefined when the registry lacks it. */
  readonly registryName: string | undefined;
  readonly seenName: string;
  readonly findings: readonly Finding[];
}

/** `a` then `b`, without allocating when either is empty. */
export function joined(a: readonly Finding[], b: readonly Finding[]): readonly Finding[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b];
}
