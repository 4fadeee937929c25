/**
 * A short description of a refused value for an error message: its type, and the value itself
 * when it is a short primitive. Never calls the value's own methods, which may throw or lie.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length <= 40 ? `the string ${JSON.stringify(value)}` : 'a long string';
    case 'number':
      return `the number ${String(value)}`;
    case 'bigint':
      return `the bigint ${value.toString()}n`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    // `default` only for the compiler, which does not see that typeof has no other answer.
    case 'object':
    default:
      return 'an object';
  }
}
