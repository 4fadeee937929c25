/**
 * Receivers: OTLP/gRPC, OTLP/HTTP (protobuf and JSON, gzip), the admin port, and OTLP/JSON lines
 * from stdin or a file. Each hands the samples of each export request to a RequestSink.
 */
export { startAdminServer, type AdminServerOptions } from './admin.ts';
export {
  ingestJsonLines,
  openInputFile,
  type InputLineError,
  type InputResult,
} from './file-input.ts';
export { startGrpcReceiver, type GrpcReceiverOptions } from './grpc.ts';
export { startHttpReceiver, type HttpReceiverOptions } from './http.ts';
export {
  defaultReceiverLimits,
  hostPort,
  type Listener,
  type ReceiverLimits,
  type RequestSink,
} from './sink.ts';
