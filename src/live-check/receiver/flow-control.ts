import { EventEmitter } from 'node:events';
import type * as grpc from '@grpc/grpc-js';

/**
 * The HTTP/2 receive window the gRPC receiver gives each connection and each call: 4 MiB, the
 * order of what gRPC's other servers use (grpc-java 1 MiB, grpc-go growing to 16 MiB). Node's
 * default is 64 KiB: a sender may then have only 64 KiB in flight, so whenever the receiver is
 * busy checking a request (a 2048-span export is about 430 KB) the sender stalls, and the two
 * sides take turns instead of working at once.
 */
export const receiveWindowBytes = 4 * 1024 * 1024;

interface WindowedSession {
  settings(settings: { initialWindowSize: number }): void;
  setLocalWindowSize(bytes: number): void;
}

function isWindowedSession(value: unknown): value is WindowedSession {
  return (
    value instanceof EventEmitter &&
    typeof Reflect.get(value, 'settings') === 'function' &&
    typeof Reflect.get(value, 'setLocalWindowSize') === 'function'
  );
}

function widen(session: unknown): void {
  if (!isWindowedSession(session)) return;
  session.settings({ initialWindowSize: receiveWindowBytes });
  session.setLocalWindowSize(receiveWindowBytes);
}

/**
 * Widens the receive window of every connection the bound server accepts. grpc-js (1.14) has no
 * server option for it (grpc/grpc-node#3058 adds one, unreleased), so this reaches its HTTP/2
 * servers through the `http2Servers` field; should a later grpc-js rename it, the window stays at
 * the default (slower, not wrong), and test/live-check/receiver.test.ts says so.
 */
export function widenReceiveWindows(server: grpc.Server): void {
  const http2Servers: unknown = Reflect.get(server, 'http2Servers');
  if (!(http2Servers instanceof Map)) return;
  for (const http2Server of http2Servers.keys()) {
    if (http2Server instanceof EventEmitter) http2Server.on('session', widen);
  }
}
