import type { AnyValueCase, AnyValueMessage, Int64, KeyValueMessage } from '../otlp/index.ts';
import type { AttributeValueType, SampleAttribute, SampleValue } from './model.ts';
import type { NameTable } from './names.ts';

/** int64 as a JS number when exact, else its decimal digits (a value over 2^53 keeps its digits). */
function int64Value(value: Int64): number | string {
  if (typeof value === 'number') return value;
  const asNumber = value.toNumber();
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

type ScalarType = 'string' | 'int' | 'double' | 'boolean';

/**
 * The member of the oneof that is set. protobufjs's `value` getter lists the message's keys on
 * every call, so it is read once per value.
 */
function memberOf(value: AnyValueMessage): AnyValueCase | undefined {
  return value.value;
}

/** The attribute type of a scalar AnyValue member; undefined for the others and for none. */
function scalarTypeOf(member: AnyValueCase | undefined): ScalarType | undefined {
  switch (member) {
    case 'stringValue':
      return 'string';
    case 'intValue':
      return 'int';
    case 'doubleValue':
      return 'double';
    case 'boolValue':
      return 'boolean';
    case 'arrayValue':
    case 'kvlistValue':
    case 'bytesValue':
    case undefined:
      return undefined;
  }
}

/** An array's type when every non-empty element has the same scalar type (as Weaver infers it). */
function arrayType(values: readonly AnyValueMessage[]): AttributeValueType | undefined {
  let element: ScalarType | undefined;
  for (const item of values) {
    const member = memberOf(item);
    if (member === undefined) continue;
    const type = scalarTypeOf(member);
    if (type === undefined || (element !== undefined && element !== type)) return undefined;
    element = type;
  }
  return element === undefined ? undefined : `${element}[]`;
}

function valueType(
  value: AnyValueMessage,
  member: AnyValueCase | undefined,
): AttributeValueType | undefined {
  if (member === 'arrayValue') return arrayType(value.arrayValue?.values ?? []);
  return scalarTypeOf(member);
}

function memberValue(value: AnyValueMessage, member: AnyValueCase | undefined): SampleValue {
  switch (member) {
    case 'stringValue':
      return value.stringValue;
    case 'intValue':
      return int64Value(value.intValue);
    case 'doubleValue':
      return value.doubleValue;
    case 'boolValue':
      return value.boolValue;
    case 'arrayValue':
      return (value.arrayValue?.values ?? []).map(sampleValue);
    case 'kvlistValue':
      return Object.fromEntries(
        (value.kvlistValue?.values ?? []).map((entry) => [entry.key, sampleValue(entry.value)]),
      );
    case 'bytesValue':
      return Buffer.from(value.bytesValue).toString('base64');
    case undefined:
      return null;
  }
}

function sampleValue(value: AnyValueMessage | null): SampleValue {
  return value === null ? null : memberValue(value, memberOf(value));
}

function sampleAttribute(attribute: KeyValueMessage, names: NameTable): SampleAttribute {
  const name = names.name(attribute.key);
  const value = attribute.value;
  if (value === null) return { name, type: undefined, value: null };
  const member = memberOf(value);
  return { name, type: valueType(value, member), value: memberValue(value, member) };
}

/** The attributes as samples, their keys taken from `names`. */
export function sampleAttributes(
  attributes: readonly KeyValueMessage[],
  names: NameTable,
): SampleAttribute[] {
  return attributes.map((attribute) => sampleAttribute(attribute, names));
}
