import type { NameTable } from './names.ts';
import type {
  ResourceSample,
  Sample,
  SampleAttribute,
  SpanEventSample,
  SpanKindName,
  SpanLinkSample,
  SpanSample,
} from './model.ts';
import { readKeyValue, ValueSlot } from './wire-values.ts';
import {
  enterMessage,
  leaveMessage,
  readName,
  skipBytes,
  skipFixed32,
  skipFixed64,
  skipString,
  skipUnknown,
  wireOf,
  type Wire,
} from './wire.ts';

/**
 * opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest read straight into samples:
 * the same samples, in the same order, as `samplesOf` gives for the message protobufjs decodes
 * from the same bytes, and the same error when the bytes are not one (see wire.ts). Field numbers
 * are those of opentelemetry-proto's trace.proto, common.proto and resource.proto.
 */

interface TraceReading {
  readonly wire: Wire;
  readonly slot: ValueSlot;
  readonly samples: Sample[];
}

const spanKinds: readonly SpanKindName[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

/** Most spans have no events or links: they share one empty list, as `samplesOf` does. */
const none: readonly never[] = Object.freeze([]);

/** Where a resource without a `resource` field stands: no attributes. */
const noResource: ResourceSample = Object.freeze({ kind: 'resource', attributes: none });

export function readTraceRequest(buffer: Buffer, names: NameTable): Sample[] {
  const reading: TraceReading = {
    wire: wireOf(buffer, names),
    slot: new ValueSlot(),
    samples: [],
  };
  const { reader } = reading.wire;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) readResourceSpans(reading, 1);
    else skipUnknown(reader, tag, 0);
  }
  return reading.samples;
}

function readResourceSpans(reading: TraceReading, depth: number): void {
  const { reader } = reading.wire;
  const outer = enterMessage(reader, depth);
  // The resource sample comes before the spans, wherever the field is in the message.
  const at = reading.samples.length;
  reading.samples.push(noResource);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        reading.samples[at] = { kind: 'resource', attributes: readResource(reading, depth + 1) };
        break;
      case 2:
        readScopeSpans(reading, depth + 1);
        break;
      case 3:
        skipString(reader);
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  }
  leaveMessage(reader, outer);
}

/** Attributes of a message whose attributes are field `field`; `other` reads past the rest. */
function readAttributed(
  reading: TraceReading,
  depth: number,
  field: number,
  other: (tag: number) => void,
): SampleAttribute[] {
  const { reader } = reading.wire;
  const outer = enterMessage(reader, depth);
  const attributes: SampleAttribute[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === field) attributes.push(readKeyValue(reading.wire, depth + 1, reading.slot));
    else other(tag);
  }
  leaveMessage(reader, outer);
  return attributes;
}

function readResource(reading: TraceReading, depth: number): SampleAttribute[] {
  const { reader } = reading.wire;
  return readAttributed(reading, depth, 1, (tag) => {
    if (tag >>> 3 === 2) reader.uint32();
    else skipUnknown(reader, tag, depth);
  });
}

/** opentelemetry.proto.common.v1.InstrumentationScope: read for its checks, then dropped. */
function readScope(reading: TraceReading, depth: number): void {
  const { reader } = reading.wire;
  readAttributed(reading, depth, 3, (tag) => {
    switch (tag >>> 3) {
      case 1:
      case 2:
        skipString(reader);
        break;
      case 4:
        reader.uint32();
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  });
}

function readScopeSpans(reading: TraceReading, depth: number): void {
  const { reader } = reading.wire;
  const outer = enterMessage(reader, depth);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        readScope(reading, depth + 1);
        break;
      case 2:
        reading.samples.push(readSpan(reading, depth + 1));
        break;
      case 3:
        skipString(reader);
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  }
  leaveMessage(reader, outer);
}

/** Span fields the checks do not read, read past (`false` for a field the span keeps). */
function skipSpanField(reading: TraceReading, tag: number, depth: number): boolean {
  const { reader } = reading.wire;
  switch (tag >>> 3) {
    case 1: // trace_id
    case 2: // span_id
    case 4: // parent_span_id
      skipBytes(reader);
      return true;
    case 3: // trace_state
      skipString(reader);
      return true;
    case 7: // start_time_unix_nano
    case 8: // end_time_unix_nano
      skipFixed64(reader);
      return true;
    case 10: // dropped_attributes_count
    case 12: // dropped_events_count
    case 14: // dropped_links_count
      reader.uint32();
      return true;
    case 15:
      readStatus(reading, depth + 1);
      return true;
    case 16: // flags
      skipFixed32(reader);
      return true;
    default:
      return false;
  }
}

function readSpan(reading: TraceReading, depth: number): SpanSample {
  const { wire, slot } = reading;
  const { reader } = wire;
  const outer = enterMessage(reader, depth);
  let name = '';
  let kind = 0;
  const attributes: SampleAttribute[] = [];
  let events: SpanEventSample[] | undefined;
  let links: SpanLinkSample[] | undefined;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 5:
        name = readName(wire);
        break;
      case 6:
        kind = reader.int32();
        break;
      case 9:
        attributes.push(readKeyValue(wire, depth + 1, slot));
        break;
      case 11:
        (events ??= []).push(readEvent(reading, depth + 1));
        break;
      case 13:
        (links ??= []).push({ kind: 'span_link', attributes: readLink(reading, depth + 1) });
        break;
      default:
        if (!skipSpanField(reading, tag, depth)) skipUnknown(reader, tag, depth);
        break;
    }
  }
  leaveMessage(reader, outer);
  const spanKind = spanKinds[kind] ?? 'unspecified';
  return { kind: 'span', name, spanKind, attributes, events: events ?? none, links: links ?? none };
}

function readEvent(reading: TraceReading, depth: number): SpanEventSample {
  const { wire } = reading;
  const { reader } = wire;
  let name = '';
  const attributes = readAttributed(reading, depth, 3, (tag) => {
    switch (tag >>> 3) {
      case 1: // time_unix_nano
        skipFixed64(reader);
        break;
      case 2:
        name = readName(wire);
        break;
      case 4: // dropped_attributes_count
        reader.uint32();
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  });
  return { kind: 'span_event', name, attributes };
}

function readLink(reading: TraceReading, depth: number): SampleAttribute[] {
  const { reader } = reading.wire;
  return readAttributed(reading, depth, 4, (tag) => {
    switch (tag >>> 3) {
      case 1: // trace_id
      case 2: // span_id
        skipBytes(reader);
        break;
      case 3: // trace_state
        skipString(reader);
        break;
      case 5: // dropped_attributes_count
        reader.uint32();
        break;
      case 6: // flags
        skipFixed32(reader);
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  });
}

/** opentelemetry.proto.trace.v1.Status: read for its checks, then dropped. */
function readStatus(reading: TraceReading, depth: number): void {
  const { reader } = reading.wire;
  const outer = enterMessage(reader, depth);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 2: // message
        skipString(reader);
        break;
      case 3: // code
        reader.int32();
        break;
      default:
        skipUnknown(reader, tag, depth);
        break;
    }
  }
  leaveMessage(reader, outer);
}
