import protobuf from 'protobufjs';
import { otlpDefinitions, type OtlpSignal } from '../../../src/live-check/otlp/index.ts';

/**
 * Random OTLP export requests, well formed, made from the official definitions by reflection:
 * any field of any message may be set (ids, timestamps, measurements, one member of a oneof or
 * several, values nested in arrays and maps), then protobufjs's own encoder writes the body.
 * Deterministic for a seed, so a failing seed can be replayed.
 */

/** mulberry32: a small seeded generator. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names that repeat (the name table hits and misses), non-ASCII and empty ones included. */
const names = [
  '',
  'a',
  'user.id',
  'action.type',
  'activity.log_event',
  'ünïcödé.név',
  '名前',
  '🙂.emoji',
  'x'.repeat(200),
];

/** int64 values, as the JSON form gives them: past 2^53 as digits. */
const integers = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), '9007199254740993', '-9223372036854775808'];

class RandomMessages {
  private readonly random: () => number;
  private readonly maxDepth: number;

  constructor(seed: number, maxDepth: number) {
    this.random = generator(seed);
    this.maxDepth = maxDepth;
  }

  private below(count: number): number {
    return Math.floor(this.random() * count);
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  private scalar(type: string): unknown {
    switch (type) {
      case 'string':
        return this.below(4) === 0 ? `v${this.below(1_000_000)}` : this.pick(names);
      case 'bytes':
        return Uint8Array.from({ length: this.below(20) }, () => this.below(256));
      case 'double':
        return this.pick([0, -0, 1.5, Number.NaN, 1e300, -2]);
      case 'bool':
        return this.below(2) === 0;
      case 'int64':
      case 'sint64':
      case 'sfixed64':
        return this.pick(integers);
      case 'uint64':
      case 'fixed64':
        return this.pick([0, 1, 2 ** 40, '18446744073709551615']);
      default:
        // int32, uint32, fixed32.
        return this.below(2 ** 31);
    }
  }

  private value(field: protobuf.Field, depth: number): unknown {
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type) return this.message(resolved, depth + 1);
    // An enum: a span kind or status code, sometimes one the definitions do not name.
    if (resolved instanceof protobuf.Enum) return this.pick([...Object.values(resolved.values), 9]);
    return this.scalar(field.type);
  }

  /** The fields to set: each oneof mostly gets one member, sometimes none or several. */
  private fieldsToSet(type: protobuf.Type): protobuf.Field[] {
    const chosen = new Set<protobuf.Field>();
    for (const oneof of type.oneofsArray) {
      const roll = this.below(10);
      if (roll === 0) continue;
      const members = roll === 1 ? oneof.fieldsArray : [this.pick(oneof.fieldsArray)];
      for (const member of members) chosen.add(member);
    }
    for (const field of type.fieldsArray) {
      if (field.partOf === null && this.below(3) !== 0) chosen.add(field);
    }
    return type.fieldsArray.filter((field) => chosen.has(field));
  }

  message(type: protobuf.Type, depth: number): Record<string, unknown> {
    const message: Record<string, unknown> = {};
    if (depth > this.maxDepth) return message;
    for (const field of this.fieldsToSet(type)) {
      message[field.name] = field.repeated
        ? Array.from({ length: this.below(depth <= 3 ? 4 : 3) }, () => this.value(field, depth))
        : this.value(field, depth);
    }
    return message;
  }
}

/** A random export request of `signal`, encoded by protobufjs from the complete definitions. */
export function randomRequest(signal: OtlpSignal, seed: number, maxDepth = 7): Uint8Array {
  const type = otlpDefinitions()[signal].request;
  const message = new RandomMessages(seed, maxDepth).message(type, 0);
  return type.encode(type.fromObject(message)).finish();
}

/** A request with one span whose attribute value is `levels` arrays nested in each other. */
export function nestedArrays(levels: number): Uint8Array {
  let value: Record<string, unknown> = { stringValue: 'bottom' };
  for (let level = 0; level < levels; level += 1) value = { arrayValue: { values: [value] } };
  const span = { name: 'deep', attributes: [{ key: 'deep.value', value }] };
  const type = otlpDefinitions().traces.request;
  const message = { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] };
  // A sender with no depth limit: protobufjs's encoder has one too, lifted for this message only.
  const limit = protobuf.util.recursionLimit;
  protobuf.util.recursionLimit = Number.MAX_SAFE_INTEGER;
  try {
    return type.encode(type.fromObject(message)).finish();
  } finally {
    protobuf.util.recursionLimit = limit;
  }
}
