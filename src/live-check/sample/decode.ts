import {
  decodeJsonRequest,
  decodeProtobufRequest,
  requestFromJsonValue,
  type DecodeError,
  type DecodeResult,
  type OtlpSignal,
} from '../otlp/index.ts';
import { samplesOf } from './from-request.ts';
import type { Sample } from './model.ts';

/** The samples of one export request, or why its body is not one. */
export type SamplesResult =
  | { readonly ok: true; readonly samples: Sample[] }
  | { readonly ok: false; readonly error: DecodeError };

function fromRequest(decoded: DecodeResult): SamplesResult {
  return decoded.ok ? { ok: true, samples: samplesOf(decoded.request) } : decoded;
}

/** The samples of a protobuf export request (decoded by protobufjs, reading what the checks read). */
export function samplesFromProtobuf(signal: OtlpSignal, body: Buffer): SamplesResult {
  return fromRequest(decodeProtobufRequest(signal, body));
}

/** The samples of an OTLP/JSON export request. */
export function samplesFromJson(signal: OtlpSignal, text: string): SamplesResult {
  return fromRequest(decodeJsonRequest(signal, text));
}

/** The samples of an already parsed OTLP/JSON export request. */
export function samplesFromJsonValue(signal: OtlpSignal, value: unknown): SamplesResult {
  return fromRequest(requestFromJsonValue(signal, value));
}
