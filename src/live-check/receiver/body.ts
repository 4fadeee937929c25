import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';

/** Why a request body was refused, with the HTTP status that says so. */
export interface BodyRefusal {
  readonly status: 400 | 413 | 415;
  readonly message: string;
}

export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly refusal: BodyRefusal };

function tooLarge(what: string, limit: number): BodyResult {
  const message = `${what} exceeds the receiver's limit of ${limit} bytes`;
  return { ok: false, refusal: { status: 413, message } };
}

/** How much of a refused body is read and thrown away before the connection is cut. */
const drainLimitBytes = 256 * 1024 * 1024;

/**
 * Reads and discards the rest of a refused body, so that the sender, still writing, gets the
 * refusal instead of a reset connection (which would lose the response). A sender that goes on
 * past the drain limit is cut off.
 */
export function discardRest(request: IncomingMessage): void {
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > drainLimitBytes) request.destroy();
  });
  request.resume();
}

/**
 * Reads a request body, holding at most `limit` bytes: a larger body is refused as soon as it
 * crosses the limit (or at once, from its Content-Length), and the rest is discarded unread.
 */
export function readLimitedBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > limit) {
    discardRest(request);
    return Promise.resolve(tooLarge(`the body (Content-Length ${declared})`, limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      request.off('data', onData);
      discardRest(request);
      resolve(tooLarge('the body', limit));
    };
    request.on('data', onData);
    request.once('end', () => {
      resolve({ ok: true, body: Buffer.concat(chunks, size) });
    });
    request.once('error', reject);
  });
}

/** Decompresses a gzip body without ever holding more than `limit` decompressed bytes. */
export function gunzipLimited(body: Buffer, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    gunzip(body, { maxOutputLength: limit }, (error, result) => {
      if (error === null) {
        resolve({ ok: true, body: result });
        return;
      }
      if (error instanceof RangeError) {
        resolve(tooLarge('the decompressed body', limit));
        return;
      }
      const message = `the body is not valid gzip: ${error.message}`;
      resolve({ ok: false, refusal: { status: 400, message } });
    });
  });
}
