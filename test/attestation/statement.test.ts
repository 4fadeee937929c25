import { describe, expect, it } from 'vitest';
import { buildStatement, validateStatement } from '../../src/attestation/statement/index.ts';

const sha256 = 'a'.repeat(64);
const commit = '0123456789abcdef0123456789abcdef01234567';
const statement = buildStatement({
  subjects: [
    { name: 'git:HEAD', digest: { gitCommit: commit } },
    { name: 'registry/events.yaml', digest: { sha256 } },
  ],
  predicateType: 'https://example.com/certification/v1',
  predicate: { verdict: 'certified' },
});

describe('an in-toto Statement v1', () => {
  it('is built with the v1 _type and validates', () => {
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(validateStatement(JSON.parse(JSON.stringify(statement)))).toEqual({
      ok: true,
      statement,
    });
  });

  it.each([
    ['a string', 'not a statement', /\(the statement\): must be object/],
    [
      'a wrong _type',
      { ...statement, _type: 'https://in-toto.io/Statement/v0.1' },
      /_type: must be equal to constant "https:\/\/in-toto.io\/Statement\/v1"/,
    ],
    ['no subject', { ...statement, subject: [] }, /subject: must NOT have fewer than 1 items/],
    [
      'a subject without digest',
      { ...statement, subject: [{ name: 'a' }] },
      /subject\.0: must have required property 'digest'/,
    ],
    [
      'an empty digest',
      { ...statement, subject: [{ name: 'a', digest: {} }] },
      /subject\.0\.digest: must NOT have fewer than 1 properties/,
    ],
    [
      'a short sha256',
      { ...statement, subject: [{ name: 'a', digest: { sha256: 'abc' } }] },
      /subject\.0\.digest\.sha256: must match pattern/,
    ],
    [
      'an upper-case gitCommit',
      { ...statement, subject: [{ name: 'a', digest: { gitCommit: commit.toUpperCase() } }] },
      /subject\.0\.digest\.gitCommit: must match pattern/,
    ],
    [
      'a predicateType that is no URI',
      { ...statement, predicateType: 'certification' },
      /predicateType: must match pattern/,
    ],
    [
      'a missing predicate',
      { ...statement, predicate: undefined },
      /must have required property 'predicate'/,
    ],
    ['a predicate that is an array', { ...statement, predicate: [] }, /predicate: must be object/],
  ])('rejects %s, naming the JSON path', (_, json, problem) => {
    const validation = validateStatement(JSON.parse(JSON.stringify(json)) as unknown);
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.problems.join('\n')).toMatch(problem);
  });
});
