import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { LiveChecker } from '../../src/live-check/check/index.ts';
import {
  findingLine,
  ReportAccumulator,
  summaryText,
  writeReportFile,
} from '../../src/live-check/report/index.ts';
import { describeWithShared, sharedPath } from '../support/shared.ts';
import { checkSamples } from './support/check.ts';
import { inlineRegistry } from './support/registry.ts';
import { metric, resource, span } from './support/samples.ts';
import { attr, metricYaml, ref, registryYaml, spanYaml } from './support/yaml.ts';

const known = await inlineRegistry(
  registryYaml(
    [attr('job.id', 'string'), attr('job.queue', 'string')],
    spanYaml('span.job.run.internal', 'internal', { attributes: [ref('job.id', 'recommended')] }),
    metricYaml('job.count', 'counter', '{job}'),
  ),
);

describe('the report statistics', () => {
  const report = checkSamples(known, [
    resource({ 'job.id': 'a' }),
    span('job.run', 'internal', { 'job.id': 'b', 'job.extra': 'c' }),
    span('job.walk', 'internal'),
    metric('job.total', 'counter', '1'),
  ]);
  const stats = report.statistics;

  it('counts entities by type, findings by level and id, and entities with no finding', () => {
    expect(stats.total_entities_by_type).toEqual({
      attribute: 3,
      data_point: 1,
      metric: 1,
      resource: 1,
      span: 2,
    });
    expect(stats.total_entities).toBe(8);
    expect(stats.findings_by_id).toEqual({
      missing_attribute: 1,
      missing_metric: 1,
      missing_span: 1,
    });
    expect(stats.findings_by_level).toEqual({ violation: 3, improvement: 0, information: 0 });
    expect(stats.samples_with_no_finding).toBe(5);
    expect(stats.entities_by_highest_level.violation).toBe(3);
  });

  it('measures registry coverage: attributes, spans and metrics seen over all of them', () => {
    // Seen: job.id, span.job.run.internal; unseen: job.queue, job.count.
    expect(stats.registry_coverage).toBe(50);
    expect(stats.coverage.attributes).toEqual({
      total: 2,
      seen: 1,
      percent: 50,
      counts: { 'job.id': 2, 'job.queue': 0 },
      unseen: ['job.queue'],
    });
    expect(stats.coverage.spans.percent).toBe(100);
    expect(stats.coverage.metrics.unseen).toEqual(['job.count']);
  });

  it('lists what was seen that the registry does not define', () => {
    expect(stats.not_in_registry).toEqual({
      attributes: { 'job.extra': 1 },
      spans: { 'job.walk': 1 },
      metrics: { 'job.total': 1 },
      events: {},
    });
  });

  it('lists each distinct finding once with its number of occurrences', () => {
    const twice = checkSamples(known, [span('job.walk', 'internal'), span('job.walk', 'internal')]);
    expect(twice.findings).toMatchObject([{ finding: { id: 'missing_span' }, count: 2 }]);
  });
});

describe('memory stays bounded under a stream of random names', () => {
  it('caps the distinct findings and names it lists, while still counting them all', () => {
    const checker = new LiveChecker(known);
    const limits = { distinctFindings: 5, namesPerCategory: 3 };
    const accumulator = new ReportAccumulator(checker.index.coverage, undefined, limits);
    for (let index = 0; index < 50; index += 1) {
      checker.check(span(`job.random${index}`, 'internal'), accumulator);
    }
    const report = accumulator.report();
    expect(report.findings).toHaveLength(5);
    expect(report.findings_unlisted).toBe(45);
    expect(report.statistics.findings_by_id).toEqual({ missing_span: 50 });
    expect(Object.keys(report.statistics.not_in_registry.spans)).toHaveLength(3);
    expect(report.statistics.not_in_registry_unlisted).toBe(47);
  });
});

describe('the report as text and as a file', () => {
  const report = checkSamples(known, [span('job.walk', 'internal')]);
  const [first] = report.findings;

  it('streams one line per finding: level, id, signal and message', () => {
    if (first === undefined) throw new Error('expected a finding');
    expect(findingLine(first.finding, false)).toBe(
      "violation   missing_span [span job.walk] Span 'job.walk' is not defined in the registry.\n",
    );
    expect(findingLine(first.finding, true)).toContain('\u001b[');
  });

  it('ends with a summary of levels, ids, coverage and what the registry lacks', () => {
    const text = summaryText(report, false);
    expect(text).toContain('findings: 1 violations, 0 improvements, 0 information');
    expect(text).toContain('by id: missing_span 1');
    expect(text).toContain(
      'registry coverage: 0.0% (attributes 0/2, spans 0/1, metrics 0/1, events 0/0)',
    );
    expect(text).toContain('not seen, attributes: job.id, job.queue');
    expect(text).toContain('spans: job.walk 1');
  });

  it('writes live_check.json into the output folder, creating it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'certify-live-check-')), 'nested', 'out');
    const path = await writeReportFile(dir, report);
    expect(path).toBe(join(dir, 'live_check.json'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describeWithShared("findings have the shape of Weaver's PolicyFinding", () => {
  it('every finding validates against ../shared/weaver/policy.finding.json', () => {
    const schema: unknown = JSON.parse(
      readFileSync(sharedPath('weaver/policy.finding.json'), 'utf8'),
    );
    const validate = new Ajv2020({ strict: false }).compile(schema as object);
    const report = checkSamples(known, [
      resource({ Bad: 1, 'job.id': 2 }),
      span('job.walk', 'server'),
      metric('job.count', 'updowncounter', 's'),
    ]);
    expect(report.findings.length).toBeGreaterThan(4);
    for (const { finding } of report.findings) {
      expect(validate(finding), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
