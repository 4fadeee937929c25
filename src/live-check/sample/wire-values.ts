import type { AnyValueCase } from '../otlp/index.ts';
import type { AttributeValueType, SampleAttribute, SampleValue } from './model.ts';
import { int64Value, scalarTypeOf, type ScalarType } from './values.ts';
import {
  enterMessage,
  leaveMessage,
  readInt64,
  readName,
  readString,
  skipUnknown,
  type Wire,
} from './wire.ts';

/**
 * What the last AnyValue read was: one instance per request, reused, so that reading a scalar
 * allocates nothing but its value. `type` and `value` are what `valueType` and `sampleValue` give
 * for the message protobufjs would have decoded.
 */
export class ValueSlot {
  /** protobufjs's `value` oneof: undefined when no member was set. */
  kind: AnyValueCase | undefined = undefined;
  type: AttributeValueType | undefined = undefined;
  value: SampleValue = null;
}

/**
 * protobufjs's oneof getter returns, of the members set, the one whose property was created last:
 * a member set again keeps its place. `seen` holds the members set so far, one bit each.
 */
const memberBits: Readonly<Record<AnyValueCase, number>> = {
  stringValue: 1,
  boolValue: 2,
  intValue: 4,
  doubleValue: 8,
  arrayValue: 16,
  kvlistValue: 32,
  bytesValue: 64,
};

interface ArrayResult {
  readonly type: AttributeValueType | undefined;
  readonly values: SampleValue[];
}

/** The members of one AnyValue as read so far (the last value of each, and which one counts). */
class AnyValueFields {
  seen = 0;
  kind: AnyValueCase | undefined = undefined;
  text = '';
  flag = false;
  integer: number | string = 0;
  real = 0;
  list: ArrayResult | undefined = undefined;
  map: SampleValue = null;
  bytes: Uint8Array | undefined = undefined;

  set(member: AnyValueCase): void {
    const bit = memberBits[member];
    if ((this.seen & bit) !== 0) return;
    this.seen |= bit;
    this.kind = member;
  }
}

function settle(fields: AnyValueFields, slot: ValueSlot): void {
  slot.kind = fields.kind;
  slot.type = fields.kind === 'arrayValue' ? fields.list?.type : scalarTypeOf(fields.kind);
  switch (fields.kind) {
    case 'stringValue':
      slot.value = fields.text;
      return;
    case 'boolValue':
      slot.value = fields.flag;
      return;
    case 'intValue':
      slot.value = fields.integer;
      return;
    case 'doubleValue':
      slot.value = fields.real;
      return;
    case 'arrayValue':
      slot.value = fields.list?.values ?? [];
      return;
    case 'kvlistValue':
      slot.value = fields.map;
      return;
    case 'bytesValue':
      slot.value = Buffer.from(fields.bytes ?? new Uint8Array()).toString('base64');
      return;
    case undefined:
      slot.value = null;
      return;
  }
}

/** opentelemetry.proto.common.v1.AnyValue, into `slot`. */
export function readAnyValue(wire: Wire, depth: number, slot: ValueSlot): void {
  const { reader } = wire;
  const outer = enterMessage(reader, depth);
  const fields = new AnyValueFields();
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        fields.text = readString(wire);
        fields.set('stringValue');
        break;
      case 2:
        fields.flag = reader.bool();
        fields.set('boolValue');
        break;
      case 3:
        fields.integer = int64Value(readInt64(reader));
        fields.set('intValue');
        break;
      case 4:
        fields.real = reader.double();
        fields.set('doubleValue');
        break;
      case 5:
        fields.list = readArrayValue(wire, depth + 1, slot);
        fields.set('arrayValue');
        break;
      case 6:
        fields.map = readKeyValueList(wire, depth + 1, slot);
        fields.set('kvlistValue');
        break;
      case 7:
        fields.bytes = reader.bytes();
        fields.set('bytesValue');
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  }
  leaveMessage(reader, outer);
  settle(fields, slot);
}

/** An array's type when every non-empty element has the same scalar type (as `arrayType`). */
function readArrayValue(wire: Wire, depth: number, slot: ValueSlot): ArrayResult {
  const { reader } = wire;
  const outer = enterMessage(reader, depth);
  const values: SampleValue[] = [];
  let element: ScalarType | undefined;
  let mixed = false;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 !== 1) {
      skipUnknown(reader, tag, depth);
      continue;
    }
    readAnyValue(wire, depth + 1, slot);
    values.push(slot.value);
    if (slot.kind === undefined) continue;
    const type = scalarTypeOf(slot.kind);
    if (type === undefined || (element !== undefined && element !== type)) mixed = true;
    element = type;
  }
  leaveMessage(reader, outer);
  return { type: mixed || element === undefined ? undefined : `${element}[]`, values };
}

function readKeyValueList(wire: Wire, depth: number, slot: ValueSlot): SampleValue {
  const { reader } = wire;
  const outer = enterMessage(reader, depth);
  const entries: [string, SampleValue][] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) {
      const entry = readKeyValue(wire, depth + 1, slot);
      entries.push([entry.name, entry.value]);
    } else {
      skipUnknown(reader, tag, depth);
    }
  }
  leaveMessage(reader, outer);
  return Object.fromEntries(entries);
}

/** opentelemetry.proto.common.v1.KeyValue, as a sample attribute. */
export function readKeyValue(wire: Wire, depth: number, slot: ValueSlot): SampleAttribute {
  const { reader } = wire;
  const outer = enterMessage(reader, depth);
  let name = '';
  let type: AttributeValueType | undefined;
  let value: SampleValue = null;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        name = readName(wire);
        break;
      case 2:
        readAnyValue(wire, depth + 1, slot);
        type = slot.type;
        value = slot.value;
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  }
  leaveMessage(reader, outer);
  return { name, type, value };
}
