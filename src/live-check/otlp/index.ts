/**
 * OTLP decoding: export requests in protobuf or JSON, read with the official OpenTelemetry
 * protobuf definitions compiled by protobufjs.
 */
export {
  otlpDefinitions,
  otlpSignals,
  type OtlpSignal,
  type SignalDefinition,
} from './definitions.ts';
export {
  decodeJsonRequest,
  decodeProtobufRequest,
  encodedSuccessResponse,
  requestFromJsonValue,
  signalOfJsonDocument,
  type DecodeError,
  type DecodeErrorKind,
  type DecodeResult,
} from './decode.ts';
export type * from './messages.ts';
