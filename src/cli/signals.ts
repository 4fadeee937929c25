/** The exit code of a command stopped by a signal before it finished. */
export const EXIT_INTERRUPTED = 130;

/**
 * Ctrl-C or SIGTERM aborts `controller`, so the command stops its work and reports; a second one
 * leaves at once. `onFirst` may say what is happening. Returns the function that stops listening.
 */
export function interruptOnSignals(controller: AbortController, onFirst?: () => void): () => void {
  const stop = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    onFirst?.();
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}
