/** The errno code of a failed system call (ENOENT, EACCES, …), if the error carries one. */
export function errnoCodeOf(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/** The errno code for a message that names it. */
export function errnoCode(error: unknown): string {
  return errnoCodeOf(error) ?? 'unknown error';
}
