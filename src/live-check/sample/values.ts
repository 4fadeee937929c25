import type { AnyValueCase, AnyValueMessage, Int64, KeyValueMessage } from '../otlp/index.ts';
import type { AttributeValueType, SampleAttribute, SampleValue } from './model.ts';

/** int64 as a JS number when exact, else its decimal digits (a value over 2^53 keeps its digits). */
export function int64Value(value: Int64): number | string {
  if (typeof value === 'number') return value;
  const asNumber = value.toNumber();
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

export type ScalarType = 'string' | 'int' | 'double' | 'boolean';

/** The attribute type of a scalar AnyValue member; undefined for the others and for none. */
export function scalarTypeOf(member: AnyValueCase | undefined): ScalarType | undefined {
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
    if (item.value === undefined) continue;
    const type = scalarTypeOf(item.value);
    if (type === undefined || (element !== undefined && element !== type)) return undefined;
    element = type;
  }
  return element === undefined ? undefined : `${element}[]`;
}

export function valueType(value: AnyValueMessage | null): AttributeValueType | undefined {
  if (value === null) return undefined;
  if (value.value === 'arrayValue') return arrayType(value.arrayValue?.values ?? []);
  return scalarTypeOf(value.value);
}

export function sampleValue(value: AnyValueMessage | null): SampleValue {
  if (value === null) return null;
  switch (value.value) {
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

export function sampleAttributes(attributes: readonly KeyValueMessage[]): SampleAttribute[] {
  return attributes.map((attribute) => ({
    name: attribute.key,
    type: valueType(attribute.value),
    value: sampleValue(attribute.value),
  }));
}
