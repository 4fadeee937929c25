import {
  decodeJsonRequest,
  decodeProtobufRequest,
  malformedProtobuf,
  requestFromJsonValue,
  type DecodeError,
  type DecodeResult,
  type OtlpSignal,
} from '../otlp/index.ts';
import { samplesOf } from './from-request.ts';
import type { Sample } from './model.ts';
import { NameTable } from './names.ts';
import { readTraceRequest } from './wire-traces.ts';

/** The samples of one export request, or why its body is not one. */
export type SamplesResult =
  | { readonly ok: true; readonly samples: Sample[] }
  | { readonly ok: false; readonly error: DecodeError };

/** Span names and attribute keys seen in protobuf bodies: a cache of decoded text, safe to share. */
const names = new NameTable();

function fromRequest(decoded: DecodeResult): SamplesResult {
  return decoded.ok ? { ok: true, samples: samplesOf(decoded.request) } : decoded;
}

/**
 * The samples of a protobuf export request. Traces, the signal that comes in volume, are read
 * straight into samples (see wire-traces.ts); metrics and logs are decoded by protobufjs first.
 */
export function samplesFromProtobuf(signal: OtlpSignal, body: Buffer): SamplesResult {
  if (signal !== 'traces') return fromRequest(decodeProtobufRequest(signal, body));
  try {
    return { ok: true, samples: readTraceRequest(body, names) };
  } catch (error: unknown) {
    return { ok: false, error: malformedProtobuf(signal, error) };
  }
}

/** The samples of an OTLP/JSON export request. */
export function samplesFromJson(signal: OtlpSignal, text: string): SamplesResult {
  return fromRequest(decodeJsonRequest(signal, text));
}

/** The samples of an already parsed OTLP/JSON export request. */
export function samplesFromJsonValue(signal: OtlpSignal, value: unknown): SamplesResult {
  return fromRequest(requestFromJsonValue(signal, value));
}
