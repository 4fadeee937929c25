import {
  defaultReceiverLimits,
  startAdminServer,
  startGrpcReceiver,
  startHttpReceiver,
  type Listener,
  type ReceiverLimits,
} from '../receiver/index.ts';
import type { BoundPorts, InputSource } from './options.ts';
import type { LiveCheckSession } from './session.ts';

type OtlpInput = Extract<InputSource, { kind: 'otlp' }>;

export interface StartedReceivers {
  readonly ports: BoundPorts;
  /** Closes the data receivers (gRPC, HTTP); the admin port stays up to answer `/stop`. */
  closeReceivers(): Promise<void>;
  closeAdmin(): Promise<void>;
}

async function closeAll(listeners: readonly Listener[]): Promise<void> {
  await Promise.all(listeners.map((listener) => listener.close()));
}

/**
 * Starts gRPC, then HTTP, then the admin port; if one cannot listen, the ones already started
 * are closed again before the error is passed on.
 */
export async function startReceivers(
  input: OtlpInput,
  session: LiveCheckSession,
  stop: () => Promise<string>,
  maxMessageBytes: number | undefined,
): Promise<StartedReceivers> {
  const limits: ReceiverLimits =
    maxMessageBytes === undefined ? defaultReceiverLimits : { maxMessageBytes };
  const data: Listener[] = [];
  try {
    const common = { address: input.address, limits, sink: session };
    const grpc = await startGrpcReceiver({ ...common, port: input.grpcPort });
    data.push(grpc);
    const http =
      input.httpPort === undefined
        ? undefined
        : await startHttpReceiver({ ...common, port: input.httpPort });
    if (http !== undefined) data.push(http);
    const ports = { address: input.address, grpc: grpc.port, http: http?.port, admin: 0 };
    const admin = await startAdminServer({
      address: input.address,
      port: input.adminPort,
      health: () => ({ ...session.health(), ports: { ...ports, admin: adminPort() } }),
      stop,
    });
    const adminPort = (): number => admin.port;
    return {
      ports: { ...ports, admin: admin.port },
      closeReceivers: () => closeAll(data),
      closeAdmin: () => admin.close(),
    };
  } catch (error: unknown) {
    await closeAll(data);
    throw error;
  }
}
