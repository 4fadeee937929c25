import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { signalOfJsonDocument } from '../otlp/index.ts';
import { samplesFromJsonValue } from '../sample/index.ts';
import type { RequestSink } from './sink.ts';

/** A line of the input that is not an OTLP/JSON export request. */
export interface InputLineError {
  readonly source: string;
  readonly line: number;
  readonly message: string;
}

export type InputResult =
  | { readonly ok: true; readonly requests: number }
  | { readonly ok: false; readonly error: InputLineError };

function readLine(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error: unknown) {
    return {
      ok: false,
      message: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Reads OTLP/JSON export requests, one per line (the OpenTelemetry Collector's file exporter
 * format); each line's signal is told by its top-level key. Stops at the first bad line, naming it.
 */
export async function ingestJsonLines(
  input: Readable,
  source: string,
  sink: RequestSink,
): Promise<InputResult> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let requests = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    const parsed = readLine(text);
    const fail = (message: string): InputResult => {
      lines.close();
      return { ok: false, error: { source, line: lineNumber, message } };
    };
    if (!parsed.ok) return fail(parsed.message);
    const signal = signalOfJsonDocument(parsed.value);
    if (signal === undefined) {
      return fail(
        'not an OTLP/JSON export request (no resourceSpans, resourceMetrics or resourceLogs)',
      );
    }
    const decoded = samplesFromJsonValue(signal, parsed.value);
    if (!decoded.ok) return fail(decoded.error.message);
    if (!sink.accept(decoded.samples)) break;
    requests += 1;
  }
  return { ok: true, requests };
}

export function openInputFile(path: string): Readable {
  return createReadStream(path);
}
