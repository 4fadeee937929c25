import protobuf from 'protobufjs';
import { otlpDefinitions } from '../../../src/live-check/otlp/index.ts';

/**
 * Random protobuf bodies for ExportTraceServiceRequest, built from the official definitions by
 * reflection: every field of every message type may appear any number of times (a non-repeated
 * one too), in any order, with the wire type its definition gives, or as junk (any field number
 * with any wire type, groups and invalid wire types included). Deterministic for a seed.
 */

/** mulberry32: a small seeded generator, so that a failing seed can be replayed. */
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

/** Names that repeat (so the decoder's name table hits and misses), non-ASCII ones included. */
const names = [
  '',
  'a',
  'user.id',
  'action.type',
  'activity.log_event',
  'http.request.method',
  'ünïcödé.név',
  '名前',
  '🙂.emoji',
  'x'.repeat(200),
];

class Builder {
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

  private bytes(): Uint8Array {
    return Uint8Array.from({ length: this.below(20) }, () => this.below(256));
  }

  private text(writer: protobuf.Writer): void {
    const roll = this.below(10);
    // Invalid UTF-8 sometimes: both decoders must replace it the same way.
    if (roll === 0) writer.bytes(Uint8Array.from([0xc3, 0x28, 0xff, 0x61]));
    else if (roll === 1) writer.string(`v${this.below(1_000_000)}`);
    else writer.string(this.pick(names));
  }

  private integer(): number | string {
    return this.pick<number | string>([
      0,
      1,
      -1,
      this.below(2 ** 31),
      -this.below(2 ** 31),
      '9007199254740993',
      '-9223372036854775808',
      '18446744073709551615',
    ]);
  }

  /** A value of the field's type, tag included. */
  private field(writer: protobuf.Writer, field: protobuf.Field, depth: number): void {
    const { id } = field;
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type) {
      writer.uint32((id << 3) | 2).fork();
      this.message(writer, resolved, depth + 1);
      writer.ldelim();
      return;
    }
    switch (field.type) {
      case 'string':
        this.text(writer.uint32((id << 3) | 2));
        return;
      case 'bytes':
        writer.uint32((id << 3) | 2).bytes(this.bytes());
        return;
      case 'double':
        writer.uint32((id << 3) | 1).double(this.pick([0, -0, 1.5, Number.NaN, 1e300, -2]));
        return;
      case 'fixed64':
        writer.uint32((id << 3) | 1).fixed64(this.below(2 ** 31));
        return;
      case 'fixed32':
        writer.uint32((id << 3) | 5).fixed32(this.below(2 ** 31));
        return;
      case 'int64':
        writer.uint32(id << 3).int64(this.integer());
        return;
      case 'bool':
        writer.uint32(id << 3).uint32(this.below(3));
        return;
      default:
        // int32, uint32 and enums (a span kind out of range too).
        writer.uint32(id << 3).int32(this.pick([0, 1, 2, 3, 4, 5, 6, -1, 300]));
    }
  }

  /** Any field number with any wire type; rarely a group or an invalid wire type. */
  private junk(writer: protobuf.Writer, depth: number): void {
    const id = 1 + this.below(20);
    switch (this.below(12)) {
      case 0:
        writer.uint32((id << 3) | 3);
        if (depth < this.maxDepth && this.below(2) === 0) this.junk(writer, depth + 1);
        writer.uint32((id << 3) | 4);
        return;
      case 1:
        writer.uint32((id << 3) | (6 + this.below(2)));
        return;
      case 2:
      case 3:
        writer.uint32(id << 3).int64(this.integer());
        return;
      case 4:
      case 5:
        writer.uint32((id << 3) | 1).fixed64(this.below(2 ** 31));
        return;
      case 6:
        writer.uint32((id << 3) | 5).fixed32(this.below(2 ** 31));
        return;
      default:
        writer.uint32((id << 3) | 2).bytes(this.bytes());
    }
  }

  message(writer: protobuf.Writer, type: protobuf.Type, depth: number): void {
    if (depth > this.maxDepth) return;
    const count = this.below(depth <= 2 ? 6 : 4);
    for (let index = 0; index < count; index += 1) {
      if (this.below(10) === 0) this.junk(writer, depth);
      else this.field(writer, this.pick(type.fieldsArray), depth);
    }
  }
}

export function randomTraceRequest(seed: number, maxDepth = 7): Buffer {
  const type = otlpDefinitions().traces.request;
  const writer = protobuf.Writer.create();
  new Builder(seed, maxDepth).message(writer, type, 0);
  return Buffer.from(writer.finish());
}

/** The body with some bytes overwritten and maybe cut short. */
export function corrupted(
  body: Buffer,
  changes: readonly { readonly at: number; readonly byte: number }[],
  cutAt: number | undefined,
): Buffer {
  const copy = Buffer.from(body);
  for (const { at, byte } of changes) if (copy.length > 0) copy[at % copy.length] = byte;
  return cutAt === undefined || copy.length === 0 ? copy : copy.subarray(0, cutAt % copy.length);
}

/** A span attribute whose value is `levels` arrays nested in each other (to reach the depth limit). */
export function nestedArrays(levels: number): Buffer {
  const writer = protobuf.Writer.create();
  const open = (field: number): void => {
    writer.uint32((field << 3) | 2).fork();
  };
  open(1); // ExportTraceServiceRequest.resource_spans
  open(2); // ResourceSpans.scope_spans
  open(2); // ScopeSpans.spans
  writer.uint32((5 << 3) | 2).string('deep');
  open(9); // Span.attributes
  writer.uint32((1 << 3) | 2).string('deep.value');
  open(2); // KeyValue.value
  for (let level = 0; level < levels; level += 1) {
    open(5); // AnyValue.array_value
    open(1); // ArrayValue.values
  }
  writer.uint32((1 << 3) | 2).string('bottom');
  for (let close = 0; close < 2 * levels + 5; close += 1) writer.ldelim();
  return Buffer.from(writer.finish());
}
