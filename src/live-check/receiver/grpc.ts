import * as grpc from '@grpc/grpc-js';
import {
  encodedSuccessResponse,
  otlpDefinitions,
  otlpSignals,
  type OtlpSignal,
} from '../otlp/index.ts';
import { samplesFromProtobuf } from '../sample/index.ts';
import { widenReceiveWindows } from './flow-control.ts';
import { hostPort, type Listener, type ReceiverLimits, type RequestSink } from './sink.ts';

export interface GrpcReceiverOptions {
  readonly address: string;
  readonly port: number;
  readonly limits: ReceiverLimits;
  readonly sink: RequestSink;
}

type RawCall = grpc.ServerUnaryCall<Buffer, Uint8Array>;
type RawCallback = grpc.sendUnaryData<Uint8Array>;

/**
 * The OTLP Export method of one signal, with raw bytes in and out: decoding happens in the handler
 * so that a malformed body gets INVALID_ARGUMENT with the decoder's reason, not a generic error.
 */
function exportService(signal: OtlpSignal): grpc.ServiceDefinition {
  const identity = (bytes: Buffer): Buffer => bytes;
  return {
    Export: {
      path: otlpDefinitions()[signal].grpcPath,
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: (bytes: Uint8Array) => Buffer.from(bytes),
      responseDeserialize: identity,
    },
  };
}

function exportHandler(signal: OtlpSignal, sink: RequestSink) {
  return (call: RawCall, callback: RawCallback): void => {
    const decoded = samplesFromProtobuf(signal, call.request);
    if (!decoded.ok) {
      sink.reject(`OTLP/gRPC ${signal}`, decoded.error.message);
      callback({ code: grpc.status.INVALID_ARGUMENT, details: decoded.error.message });
      return;
    }
    if (!sink.accept(decoded.samples)) {
      callback({ code: grpc.status.UNAVAILABLE, details: 'the live check is stopping' });
      return;
    }
    callback(null, encodedSuccessResponse(signal));
  };
}

function bind(server: grpc.Server, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(target, grpc.ServerCredentials.createInsecure(), (error, port) => {
      if (error === null) resolve(port);
      else reject(error);
    });
  });
}

/** Waits for calls in progress, then cuts whatever is left (a sender that never stops). */
function shutDown(server: grpc.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

/** The OTLP/gRPC trace, metrics and logs services on one port. */
export async function startGrpcReceiver(options: GrpcReceiverOptions): Promise<Listener> {
  const server = new grpc.Server({
    // grpc-js answers RESOURCE_EXHAUSTED for a larger message, compressed or decompressed.
    'grpc.max_receive_message_length': options.limits.maxMessageBytes,
    // Channelz (gRPC's introspection service) is not served: no need to track every call for it.
    'grpc.enable_channelz': 0,
  });
  for (const signal of otlpSignals) {
    server.addService(exportService(signal), { Export: exportHandler(signal, options.sink) });
  }
  const port = await bind(server, hostPort(options.address, options.port));
  widenReceiveWindows(server);
  return { port, close: () => shutDown(server, 1000) };
}
