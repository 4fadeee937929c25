import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.ts';

const terminal = { isTTY: true };
const pipe = { isTTY: false };

describe('whether a command colours its output', () => {
  it('colours a terminal, not a pipe or a file', () => {
    expect(useColor(terminal, {})).toBe(true);
    expect(useColor(pipe, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
  });

  it('never colours with NO_COLOR set to a value; an empty NO_COLOR is ignored (no-color.org)', () => {
    expect(useColor(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(terminal, { NO_COLOR: '' })).toBe(true);
  });

  it('lets FORCE_COLOR decide either way: 0 or false turn colour off, any other value on', () => {
    expect(useColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(pipe, { FORCE_COLOR: 'true' })).toBe(true);
    expect(useColor(terminal, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(terminal, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(useColor(terminal, { FORCE_COLOR: '' })).toBe(true);
  });
});
