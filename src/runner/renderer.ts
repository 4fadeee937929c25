/** How progress is shown: `auto` picks `fancy` on a terminal and `plain` in CI or a pipe. */
export const rendererChoices = ['auto', 'fancy', 'plain', 'silent'] as const;
export type RendererChoice = (typeof rendererChoices)[number];
export type ResolvedRenderer = Exclude<RendererChoice, 'auto'>;

/** `auto` resolves to the plain line-per-event renderer when stdout is not a TTY or `CI` is set. */
export function resolveRenderer(
  choice: RendererChoice,
  environment: {
    readonly isTTY: boolean;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
): ResolvedRenderer {
  if (choice !== 'auto') return choice;
  const ci = environment.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return environment.isTTY && !inCi ? 'fancy' : 'plain';
}
