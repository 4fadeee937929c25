import protobuf from 'protobufjs';
import type { Int64 } from '../otlp/index.ts';
import type { NameTable } from './names.ts';

/**
 * Reading OTLP protobuf straight into samples, call for call as protobufjs's generated decoders
 * read it (same reader, same reads, same checks), so that any body gives the same samples or fails
 * with the same error as decoding it with protobufjs and converting the messages. Only what the
 * checks need is kept; the rest (ids, timestamps, status) is read past without allocating.
 */
export interface Wire {
  readonly reader: protobuf.Reader;
  /** The body being read: protobufjs reads a Buffer with its BufferReader. */
  readonly buffer: Buffer;
  readonly names: NameTable;
}

export function wireOf(buffer: Buffer, names: NameTable): Wire {
  return { reader: protobuf.Reader.create(buffer), buffer, names };
}

/**
 * Enters an embedded message (its length comes first): the reader's end becomes the message's.
 * Returns the outer end, for `leaveMessage`. The checks are those of a generated decoder.
 */
export function enterMessage(reader: protobuf.Reader, depth: number): number {
  const length = reader.uint32();
  if (depth > protobuf.Reader.recursionLimit) throw Error('maximum nesting depth exceeded');
  const end = reader.pos + length;
  if (end > reader.len) throw RangeError('index out of range');
  const outer = reader.len;
  reader.len = end;
  return outer;
}

export function leaveMessage(reader: protobuf.Reader, outer: number): void {
  if (reader.pos !== reader.len) throw RangeError('index out of range');
  reader.len = outer;
}

/** A string field, as a BufferReader reads one: a length past the end is cut at the end. */
function stringBounds(reader: protobuf.Reader): number {
  const length = reader.uint32();
  const start = reader.pos;
  reader.pos = Math.min(start + length, reader.len);
  return start;
}

export function readString(wire: Wire): string {
  const start = stringBounds(wire.reader);
  return wire.buffer.toString('utf8', start, wire.reader.pos);
}

/** A string that repeats from request to request (a span name, an attribute key). */
export function readName(wire: Wire): string {
  const start = stringBounds(wire.reader);
  return wire.names.text(wire.buffer, start, wire.reader.pos);
}

export function skipString(reader: protobuf.Reader): void {
  stringBounds(reader);
}

/** A bytes field read past: the same bounds check as reading it. */
export function skipBytes(reader: protobuf.Reader): void {
  reader.skip(reader.uint32());
}

/** fixed64 and fixed32 fields read past (the same bounds checks as reading them). */
export function skipFixed64(reader: protobuf.Reader): void {
  reader.skip(8);
}

export function skipFixed32(reader: protobuf.Reader): void {
  reader.skip(4);
}

/**
 * An int64 field: a Long (protobufjs's typings only know its bits), or a number when no Long
 * library is installed, exactly as in a decoded message.
 */
export function readInt64(reader: protobuf.Reader): Int64 {
  return reader.int64() as unknown as Int64;
}

/** A field the definitions do not have (or a newer one): skipped as protobufjs skips it. */
export function skipUnknown(reader: protobuf.Reader, tag: number, depth: number): void {
  reader.skipType(tag & 7, depth);
}
