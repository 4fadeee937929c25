import type { ActivityLogLimits } from '../limits.ts';
import { LogError } from '../log-error.ts';
import { describeValue } from './describe.ts';
import { utf8 } from './text.ts';

/**
 * The details as UTF-8 JSON entries (`[["key","value"],…]`), undefined when the event has
 * none, or `INVALID_DETAILS` saying which entry is wrong. Details are a `Map` or a plain object
 * (prototype `Object.prototype` or null) of own enumerable string keys to string values: no
 * empty key, no lone surrogate, at most `maxDetailEntries` entries and `maxDetailBytes` UTF-8
 * bytes of keys and values together. Keys are only read, never assigned to an object here, so
 * `__proto__` or `constructor` reach no prototype.
 */
export function checkDetails(
  value: unknown,
  limits: ActivityLogLimits,
): Uint8Array | undefined | LogError {
  if (value === undefined) return undefined;
  const entries = detailEntries(value);
  if (entries instanceof LogError) return entries;
  if (entries.length > limits.maxDetailEntries) {
    return refuse(
      `details has ${entries.length} entries; at most ${limits.maxDetailEntries} allowed`,
    );
  }
  let bytes = 0;
  for (const [key, entry] of entries) {
    const size = entrySize(key, entry);
    if (typeof size === 'string') return refuse(size);
    bytes += size;
  }
  if (bytes > limits.maxDetailBytes) {
    return refuse(`details hold ${bytes} bytes of UTF-8; at most ${limits.maxDetailBytes} allowed`);
  }
  return utf8(JSON.stringify(entries));
}

function detailEntries(value: unknown): (readonly [unknown, unknown])[] | LogError {
  try {
    return ownEntries(value);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(`details could not be read: ${reason}`);
  }
}

function ownEntries(value: unknown): (readonly [unknown, unknown])[] | LogError {
  if (value instanceof Map) return [...(value as Map<unknown, unknown>).entries()];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(`details must be a Map or a plain object, got ${describeValue(value)}`);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return refuse('details must be a Map or a plain object, got an instance of a class');
  }
  return Object.entries(value);
}

/** UTF-8 bytes of one entry's key and value, or what is wrong with the entry. */
function entrySize(key: unknown, value: unknown): number | string {
  if (typeof key !== 'string') {
    return `details has a key that is ${describeValue(key)}; keys must be strings`;
  }
  const where = `details[${JSON.stringify(key)}]`;
  if (key.length === 0) return 'details has an empty key';
  if (typeof value !== 'string')
    return `${where} is ${describeValue(value)}; values must be strings`;
  const keyBytes = utf8(key);
  if (keyBytes === undefined) return `${where}: the key holds a lone UTF-16 surrogate`;
  const valueBytes = utf8(value);
  if (valueBytes === undefined) return `${where} holds a lone UTF-16 surrogate`;
  return keyBytes.length + valueBytes.length;
}

function refuse(message: string): LogError {
  return new LogError('INVALID_DETAILS', 'details', message);
}
