import type { Sample } from '../sample/index.ts';

/** Where a receiver hands what it read. */
export interface RequestSink {
  /** The samples of one request; false when the live check is stopping and takes no more input. */
  accept(samples: readonly Sample[]): boolean;
  /** Input that could not be read: where it came from and what was wrong with it. */
  reject(source: string, reason: string): void;
}

/** A listening server, closed once. */
export interface Listener {
  readonly port: number;
  close(): Promise<void>;
}

/** Limits applied to every request, whatever the transport. */
export interface ReceiverLimits {
  /** Largest accepted message, compressed or decompressed, in bytes. */
  readonly maxMessageBytes: number;
}

/** 8 MiB: an OTLP exporter's batch of 512 spans is a few hundred kilobytes. */
export const defaultReceiverLimits: ReceiverLimits = { maxMessageBytes: 8 * 1024 * 1024 };

/** `host:port` with IPv6 hosts bracketed. */
export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
