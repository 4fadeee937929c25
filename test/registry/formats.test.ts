import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  formatAnsi,
  formatGithub,
  formatJson,
  summaryLine,
  type Diagnostic,
} from '../../src/registry/index.ts';
import { describeWithShared, sharedPath } from '../support/shared.ts';

const diagnostics: Diagnostic[] = [
  {
    id: 'InvalidSpanMissingSpanKind',
    level: 'error',
    message: 'span group "span.a" has no `span_kind`',
    location: { file: 'registry/spans.yaml', line: 3, column: 5 },
    group: 'span.a',
  },
  {
    id: 'InvalidExampleWarning',
    level: 'warning',
    message: 'needs examples: 100%, really\nsecond line',
    location: { file: 'registry/a,b.yaml', line: 7, column: 9 },
    group: 'registry.a',
    attribute: 'a.b',
  },
];

describe('diagnostic formats', () => {
  it('ansi: level, id, place and subject, then the message; colour only when asked', () => {
    expect(formatAnsi(diagnostics, false)).toBe(
      'error[InvalidSpanMissingSpanKind] registry/spans.yaml:3:5 (group span.a)\n' +
        '  span group "span.a" has no `span_kind`\n\n' +
        'warning[InvalidExampleWarning] registry/a,b.yaml:7:9 (group registry.a, attribute a.b)\n' +
        '  needs examples: 100%, really\n  second line\n',
    );
    expect(formatAnsi(diagnostics, false)).not.toContain('\u001b[');
    expect(formatAnsi(diagnostics, true)).toContain('\u001b[31m');
  });

  it('gh_workflow_command: one escaped ::error/::warning line per diagnostic', () => {
    expect(formatGithub(diagnostics).split('\n')).toEqual([
      '::error file=registry/spans.yaml,line=3,col=5,title=InvalidSpanMissingSpanKind::span group "span.a" has no `span_kind` (group span.a)',
      '::warning file=registry/a%2Cb.yaml,line=7,col=9,title=InvalidExampleWarning::needs examples: 100%25, really%0Asecond line (group registry.a, attribute a.b)',
      '',
    ]);
  });

  it('json: findings with id, level, message and context', () => {
    expect(JSON.parse(formatJson(diagnostics))).toEqual([
      {
        id: 'InvalidSpanMissingSpanKind',
        level: 'violation',
        message: 'span group "span.a" has no `span_kind`',
        context: { file: 'registry/spans.yaml', line: 3, column: 5, group: 'span.a' },
      },
      {
        id: 'InvalidExampleWarning',
        level: 'improvement',
        message: 'needs examples: 100%, really\nsecond line',
        context: {
          file: 'registry/a,b.yaml',
          line: 7,
          column: 9,
          group: 'registry.a',
          attribute: 'a.b',
        },
      },
    ]);
  });

  it('summarises the outcome in one line', () => {
    expect(
      summaryLine({ counts: { errors: 1, warnings: 2 }, fileCount: 3, engine: 'builtin' }),
    ).toBe('registry check failed: 1 error, 2 warnings in 3 files (builtin engine)');
    expect(
      summaryLine({ counts: { errors: 0, warnings: 0 }, fileCount: 1, engine: 'weaver' }),
    ).toBe('registry check passed: 0 errors, 0 warnings in 1 file (weaver engine)');
  });
});

describeWithShared("the JSON format against Weaver's finding schema", () => {
  it('validates every finding with policy.finding.json', () => {
    const schema = JSON.parse(
      readFileSync(sharedPath('weaver/policy.finding.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const findings = JSON.parse(formatJson(diagnostics)) as unknown[];
    expect(findings.map((finding) => [validate(finding), validate.errors ?? null])).toEqual([
      [true, null],
      [true, null],
    ]);
  });
});
