/**
 * Colour for a terminal, the same rule for every command: FORCE_COLOR, when set to a value,
 * decides either way (`0` and `false` turn colour off, anything else on); otherwise NO_COLOR set
 * to a value turns it off (an empty NO_COLOR is ignored, as no-color.org says); otherwise only a
 * terminal gets colour.
 */
export function useColor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const forced = env.FORCE_COLOR;
  if (forced !== undefined && forced !== '') return forced !== '0' && forced !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
