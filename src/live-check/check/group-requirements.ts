import type { SampleAttribute } from '../sample/index.ts';
import { BoundedCache } from './cache.ts';
import { noFindings, type Finding, type SignalRef } from './finding.ts';
import type { SignalGroup } from './registry-index.ts';
import { isPresent, missingPositions, requirementFindings } from './requirements.ts';

/** Distinct sets of missing attributes kept per group. */
const setsKept = 2_000;
/** Groups with at most this many attributes tell which are missing with a bit mask. */
const maskedAttributes = 30;

/** Bit `position` of the mask, for an attribute at that position of the group. */
function bit(position: number): number {
  return 1 << position;
}

function positionsOfMask(mask: number): number[] {
  const positions: number[] = [];
  for (let position = 0; position < maskedAttributes; position += 1) {
    if ((mask & bit(position)) !== 0) positions.push(position);
  }
  return positions;
}

function positionsOfKey(key: string): number[] {
  return key
    .split(',')
    .filter((part) => part !== '')
    .map(Number);
}

/**
 * The requirement-level findings of one group (a span, metric or event definition) for one signal:
 * which of the group's attributes a sample lacks decides them, so they are worked out once per set
 * of missing attributes. That set is a bit mask (bit i: the group's attribute i is missing), found
 * with one map read per sample attribute; a group too large for a mask uses the positions as text.
 */
export class GroupRequirements {
  private readonly group: SignalGroup;
  private readonly signal: SignalRef;
  private readonly masked: boolean;
  /** Exact attribute ids → the bits of their positions (an id listed twice has two). */
  private readonly bitsById = new Map<string, number>();
  /** Template attributes, present when any sample attribute extends them. */
  private readonly templates: { readonly id: string; readonly bit: number }[] = [];
  private readonly everyBit: number;
  private readonly bySet = new BoundedCache<number | string, readonly Finding[]>(setsKept);

  constructor(group: SignalGroup, signal: SignalRef) {
    this.group = group;
    this.signal = signal;
    this.masked = group.attributes.length <= maskedAttributes;
    let everyBit = 0;
    if (this.masked) {
      group.attributes.forEach((attribute, position) => {
        everyBit |= bit(position);
        if (attribute.type.kind === 'template') {
          this.templates.push({ id: attribute.id, bit: bit(position) });
        } else {
          this.bitsById.set(attribute.id, (this.bitsById.get(attribute.id) ?? 0) | bit(position));
        }
      });
    }
    this.everyBit = everyBit;
  }

  /** The findings for the group's attributes that `attributes` lacks. */
  findingsFor(attributes: readonly SampleAttribute[]): readonly Finding[] {
    if (!this.masked) return this.byPositions(missingPositions(this.group, attributes));
    const missing = this.everyBit & ~this.presentBits(attributes);
    if (missing === 0) return noFindings;
    const known = this.bySet.get(missing);
    if (known !== undefined) return known;
    const findings = requirementFindings(this.group, positionsOfMask(missing), this.signal);
    return this.bySet.set(missing, findings);
  }

  private presentBits(attributes: readonly SampleAttribute[]): number {
    let present = 0;
    for (const attribute of attributes) present |= this.bitsById.get(attribute.name) ?? 0;
    for (const template of this.templates) {
      if (isPresent(attributes, template.id, true)) present |= template.bit;
    }
    return present;
  }

  private byPositions(key: string): readonly Finding[] {
    if (key === '') return noFindings;
    const known = this.bySet.get(key);
    if (known !== undefined) return known;
    return this.bySet.set(key, requirementFindings(this.group, positionsOfKey(key), this.signal));
  }
}
