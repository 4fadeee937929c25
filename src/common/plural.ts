/** `1 file`, `2 files`: a count with its noun, which takes an `s` unless the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
