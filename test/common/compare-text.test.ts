import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/common/index.ts';

describe('compareText', () => {
  it('orders by UTF-16 code units, whatever the locale: upper case first, accents last', () => {
    const names = ['b.yaml', 'B.yaml', 'a.yaml', 'é.yaml', 'Z.yaml', 'a-b.yaml', 'a_b.yaml'];
    expect([...names].sort(compareText)).toEqual([
      'B.yaml',
      'Z.yaml',
      'a-b.yaml',
      'a.yaml',
      'a_b.yaml',
      'b.yaml',
      'é.yaml',
    ]);
  });

  it('says two equal texts are equal', () => {
    expect(compareText('registry', 'registry')).toBe(0);
  });
});
