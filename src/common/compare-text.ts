/**
 * Orders texts by their UTF-16 code units, as `Array.prototype.sort` does by default. Unlike
 * `localeCompare`, the order does not depend on the machine's locale, so the same input gives the
 * same diagnostics, findings and reports (and the same signed bytes) on every machine.
 */
export function compareText(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
