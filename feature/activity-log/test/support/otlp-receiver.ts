import { type sendUnaryData, Server, ServerCredentials, status } from '@grpc/grpc-js';

/** The OTLP gRPC export methods, by signal. */
const EXPORT_PATHS = {
  traces: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  metrics: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
} as const;

type Signal = keyof typeof EXPORT_PATHS;

/** How the receiver answers every export. */
export type ReceiverMode = 'accept' | 'reject';

const identity = (bytes: Buffer): Buffer => bytes;

/**
 * A minimal real OTLP gRPC receiver on 127.0.0.1 (a free port): it accepts (or rejects) the
 * trace and metric Export calls and keeps each request's raw protobuf bytes. It does not decode
 * them; the strings a request carries (span and metric names, attribute keys) appear in its
 * bytes as they are, which is what the demo's test looks for.
 */
export class OtlpReceiver {
  readonly requests: Record<Signal, Buffer[]> = { traces: [], metrics: [] };
  readonly #server = new Server();
  #port = 0;

  private constructor(mode: ReceiverMode) {
    for (const signal of Object.keys(EXPORT_PATHS) as Signal[]) {
      const path = EXPORT_PATHS[signal];
      this.#server.addService(
        {
          Export: {
            path,
            requestStream: false,
            responseStream: false,
            requestSerialize: identity,
            requestDeserialize: identity,
            responseSerialize: identity,
            responseDeserialize: identity,
          },
        },
        {
          Export: (call: { request: Buffer }, callback: sendUnaryData<Buffer>) => {
            this.requests[signal].push(call.request);
            if (mode === 'accept') callback(null, Buffer.alloc(0));
            else callback({ code: status.PERMISSION_DENIED, details: 'this receiver refuses' });
          },
        },
      );
    }
  }

  /** Starts a receiver that answers every export as `mode` says. */
  static async start(mode: ReceiverMode): Promise<OtlpReceiver> {
    const receiver = new OtlpReceiver(mode);
    receiver.#port = await new Promise<number>((resolve, reject) => {
      receiver.#server.bindAsync(
        '127.0.0.1:0',
        ServerCredentials.createInsecure(),
        (error, port) => {
          if (error === null) resolve(port);
          else reject(error);
        },
      );
    });
    return receiver;
  }

  /** The endpoint for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Whether any request of `signal` carries `text` (a name or key, as UTF-8 bytes). */
  received(signal: Signal, text: string): boolean {
    return this.requests[signal].some((request) => request.includes(text));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.tryShutdown(() => {
        resolve();
      });
    });
  }
}
