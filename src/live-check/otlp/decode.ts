import type protobuf from 'protobufjs';
import { otlpDefinitions, type OtlpSignal } from './definitions.ts';
import type { ExportRequest } from './messages.ts';

/** Why a body could not be read as an OTLP export request. */
export type DecodeErrorKind = 'malformed-protobuf' | 'malformed-json';

export interface DecodeError {
  readonly kind: DecodeErrorKind;
  /** What was wrong, in words a sender can act on. */
  readonly message: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly request: ExportRequest }
  | { readonly ok: false; readonly error: DecodeError };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function typeName(type: protobuf.Type): string {
  return type.fullName.replace(/^\./, '');
}

/**
 * The decoded message has the shape of its definition (protobufjs builds it from the schema), so
 * this is the one place where the untyped protobufjs message meets the typed model.
 */
function asExportRequest(signal: OtlpSignal, message: protobuf.Message): ExportRequest {
  return { signal, message } as unknown as ExportRequest;
}

/** The error for protobuf bytes that are not an export request of `signal`, with the reader's reason. */
function malformedProtobuf(signal: OtlpSignal, error: unknown): DecodeError {
  const { request } = otlpDefinitions()[signal];
  const message = `not a valid protobuf ${typeName(request)}: ${reasonOf(error)}`;
  return { kind: 'malformed-protobuf', message };
}

/** Decodes a binary protobuf OTLP export request of the given signal. */
export function decodeProtobufRequest(signal: OtlpSignal, bytes: Uint8Array): DecodeResult {
  const { checkedRequest } = otlpDefinitions()[signal];
  try {
    return { ok: true, request: asExportRequest(signal, checkedRequest.decode(bytes)) };
  } catch (error: unknown) {
    return { ok: false, error: malformedProtobuf(signal, error) };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an already parsed OTLP/JSON export request (lowerCamelCase keys, hex ids). */
export function requestFromJsonValue(signal: OtlpSignal, value: unknown): DecodeResult {
  const { request } = otlpDefinitions()[signal];
  const fail = (reason: string): DecodeResult => ({
    ok: false,
    error: {
      kind: 'malformed-json',
      message: `not a valid OTLP/JSON ${typeName(request)}: ${reason}`,
    },
  });
  if (!isPlainObject(value)) return fail(`expected a JSON object, got ${describeJson(value)}`);
  try {
    return { ok: true, request: asExportRequest(signal, request.fromObject(value)) };
  } catch (error: unknown) {
    return fail(reasonOf(error));
  }
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Parses and reads an OTLP/JSON export request. */
export function decodeJsonRequest(signal: OtlpSignal, text: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    const { request } = otlpDefinitions()[signal];
    const message = `not valid JSON for ${typeName(request)}: ${reasonOf(error)}`;
    return { ok: false, error: { kind: 'malformed-json', message } };
  }
  return requestFromJsonValue(signal, value);
}

const signalByTopLevelKey: Readonly<Record<string, OtlpSignal>> = {
  resourceSpans: 'traces',
  resourceMetrics: 'metrics',
  resourceLogs: 'logs',
};

/** The signal of an OTLP/JSON document, told by its top-level key (as in a collector's file export). */
export function signalOfJsonDocument(value: unknown): OtlpSignal | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const key of Object.keys(value)) {
    const signal = signalByTopLevelKey[key];
    if (signal !== undefined) return signal;
  }
  return undefined;
}

const emptyResponses = new Map<OtlpSignal, Uint8Array>();

/** The protobuf bytes of a successful export response with no partial success. */
export function encodedSuccessResponse(signal: OtlpSignal): Uint8Array {
  let bytes = emptyResponses.get(signal);
  if (bytes === undefined) {
    const { response } = otlpDefinitions()[signal];
    bytes = response.encode(response.create({})).finish();
    emptyResponses.set(signal, bytes);
  }
  return bytes;
}
