import { describe, expect, it } from 'vitest';
import { defaultLevels } from '../../src/live-check/check/index.ts';
import type { LiveCheckReport } from '../../src/live-check/report/index.ts';
import { checkAgainst, findingsOf, idsOf } from './support/check.ts';
import { attrs, log, metric, resource, span } from './support/samples.ts';
import {
  attr,
  enumType,
  eventYaml,
  metricYaml,
  ref,
  registryYaml,
  spanYaml,
} from './support/yaml.ts';

const users = registryYaml([attr('user.id', 'int')]);

describe('attribute findings', () => {
  it('passes an attribute the registry defines with its type, and finds nothing', async () => {
    const report = await checkAgainst(users, [resource({ 'user.id': 42 })]);
    expect(idsOf(report)).toEqual([]);
    expect(report.statistics.samples_with_no_finding).toBe(2);
  });

  it('missing_attribute: an attribute the registry lacks is a violation', async () => {
    const [found] = findingsOf(await checkAgainst(users, [resource({ 'user.name': 'ann' })]));
    expect(found).toMatchObject({
      id: 'missing_attribute',
      level: 'violation',
      context: { attribute_name: 'user.name' },
      signal_type: 'entity',
    });
  });

  it('type_mismatch: a string where the registry says int is a violation', async () => {
    const report = await checkAgainst(users, [span('work', 'internal', { 'user.id': '42' })]);
    expect(findingsOf(report).filter((each) => each.id === 'type_mismatch')).toEqual([
      {
        id: 'type_mismatch',
        level: 'violation',
        message: "Attribute 'user.id' has type 'string'; the registry says 'int'.",
        context: { attribute_name: 'user.id', attribute_type: 'string', expected: 'int' },
        signal_type: 'span',
        signal_name: 'work',
      },
    ]);
  });

  it('type_mismatch: a whole number is accepted for a double (OpenTelemetry JS sends it as int)', async () => {
    const report = await checkAgainst(registryYaml([attr('job.ratio', 'double')]), [
      resource({ 'job.ratio': 2 }),
      resource({ 'job.ratio': 2.5 }),
    ]);
    expect(idsOf(report)).toEqual([]);
  });

  it('type_mismatch: an enum sent as a boolean is a violation', async () => {
    const report = await checkAgainst(registryYaml([attr('paint.color', enumType('red'))]), [
      resource({ 'paint.color': true }),
    ]);
    expect(findingsOf(report)).toMatchObject([{ id: 'type_mismatch', level: 'violation' }]);
  });

  it('undefined_enum_variant: a value outside the enum is information', async () => {
    const report = await checkAgainst(
      registryYaml([attr('paint.color', enumType('red', 'blue'))]),
      [resource({ 'paint.color': 'red' }), resource({ 'paint.color': 'green' })],
    );
    expect(findingsOf(report)).toMatchObject([
      {
        id: 'undefined_enum_variant',
        level: 'information',
        context: { attribute_name: 'paint.color', attribute_value: 'green' },
      },
    ]);
  });

  it('deprecated: a deprecated attribute in use is a violation', async () => {
    const yaml = registryYaml([
      attr('user.login', 'string', 'deprecated:\n  reason: renamed\n  renamed_to: user.name'),
      attr('user.name', 'string'),
    ]);
    const report = await checkAgainst(yaml, [resource({ 'user.login': 'ann' })]);
    expect(findingsOf(report)).toMatchObject([
      {
        id: 'deprecated',
        level: 'violation',
        message: "Attribute 'user.login' is deprecated (renamed to 'user.name').",
        context: { deprecation: 'renamed' },
      },
    ]);
  });

  it('not_stable: an attribute that is not stable is an improvement', async () => {
    const yaml = registryYaml([attr('user.tier', 'string').replace('stable', 'development')]);
    const report = await checkAgainst(yaml, [resource({ 'user.tier': 'gold' })]);
    expect(findingsOf(report)).toMatchObject([
      { id: 'not_stable', level: 'improvement', context: { stability: 'development' } },
    ]);
  });

  it('template_attribute: an attribute matching a template is information and counts as the template', async () => {
    const yaml = registryYaml([attr('http.request.header', 'template[string[]]')]);
    const report = await checkAgainst(yaml, [
      resource({ 'http.request.header.accept': ['text/html'] }),
    ]);
    expect(findingsOf(report)).toMatchObject([
      {
        id: 'template_attribute',
        level: 'information',
        context: { template: 'http.request.header' },
      },
    ]);
    expect(report.statistics.coverage.attributes.counts).toEqual({ 'http.request.header': 1 });
  });

  it('missing_namespace: an attribute without a namespace is an improvement', async () => {
    const report = await checkAgainst(users, [resource({ tenant: 'a' })]);
    expect(findingsOf(report).filter((each) => each.id === 'missing_namespace')).toMatchObject([
      { level: 'improvement', context: { attribute_name: 'tenant' } },
    ]);
  });

  it('invalid_format: an attribute name breaking the naming rule is a violation', async () => {
    const report = await checkAgainst(users, [resource({ 'User.Id': 1 })]);
    expect(findingsOf(report).filter((each) => each.id === 'invalid_format')).toMatchObject([
      { level: 'violation', context: { attribute_name: 'User.Id' } },
    ]);
  });

  it('illegal_namespace: using an existing attribute as a namespace is a violation', async () => {
    const report = await checkAgainst(users, [resource({ 'user.id.hash': 'x' })]);
    expect(findingsOf(report).filter((each) => each.id === 'illegal_namespace')).toMatchObject([
      { level: 'violation', context: { attribute_name: 'user.id.hash', namespace: 'user.id' } },
    ]);
  });
});

describe('metric findings', () => {
  const duration = registryYaml(
    [attr('job.id', 'string')],
    metricYaml('job.duration', 'histogram', 'ms'),
  );

  it('passes a metric recorded as the registry says', async () => {
    const report = await checkAgainst(duration, [metric('job.duration', 'histogram', 'ms')]);
    expect(idsOf(report)).toEqual([]);
  });

  it('missing_metric: a metric the registry lacks is a violation', async () => {
    const report = await checkAgainst(duration, [metric('job.count', 'counter', '1')]);
    expect(findingsOf(report)).toMatchObject([
      { id: 'missing_metric', level: 'violation', signal_type: 'metric', signal_name: 'job.count' },
    ]);
  });

  it('unexpected_instrument: an updowncounter where the registry says counter is a violation', async () => {
    const total = registryYaml(
      [attr('job.id', 'string')],
      metricYaml('job.total', 'counter', '{job}'),
    );
    const report = await checkAgainst(total, [metric('job.total', 'updowncounter', '{job}')]);
    expect(findingsOf(report)).toMatchObject([
      {
        id: 'unexpected_instrument',
        level: 'violation',
        context: { instrument: 'updowncounter', expected: 'counter' },
      },
    ]);
  });

  it('unexpected_instrument: a summary, which no registry instrument produces, is a violation', async () => {
    const report = await checkAgainst(duration, [
      metric('job.duration', { unsupported: 'summary' }, 'ms'),
    ]);
    expect(idsOf(report)).toEqual(['unexpected_instrument']);
  });

  it('unit_mismatch: seconds where the registry says milliseconds is a violation', async () => {
    const report = await checkAgainst(duration, [metric('job.duration', 'histogram', 's')]);
    expect(findingsOf(report)).toMatchObject([
      { id: 'unit_mismatch', level: 'violation', context: { unit: 's', expected: 'ms' } },
    ]);
  });

  it('invalid_format: a metric name breaking the naming rule is a violation', async () => {
    const report = await checkAgainst(duration, [metric('Job-Duration', 'histogram', 'ms')]);
    expect(idsOf(report)).toEqual(['invalid_format', 'missing_metric']);
  });

  it('deprecated and not_stable apply to a matched metric definition too', async () => {
    const old = registryYaml(
      [attr('job.id', 'string')],
      metricYaml('job.old', 'counter', '1', {
        stability: 'alpha',
        extra: 'deprecated:\n  reason: obsoleted',
      }),
    );
    const report = await checkAgainst(old, [metric('job.old', 'counter', '1')]);
    expect(findingsOf(report)).toMatchObject([
      { id: 'deprecated', level: 'violation', signal_name: 'job.old' },
      { id: 'not_stable', level: 'improvement', signal_name: 'job.old' },
    ]);
  });
});

describe('requirement levels, on metric data points, events and spans alike', () => {
  const definitions = [
    attr('job.queue', 'string'),
    attr('job.owner', 'string'),
    attr('job.trace', 'string'),
    attr('job.retry', 'string'),
  ];
  const references = [
    ref('job.queue', 'required'),
    ref('job.owner', 'recommended'),
    ref('job.trace', 'opt_in'),
    ref('job.retry', '\n    conditionally_required: When the job was retried.'),
  ];
  const expected = [
    {
      id: 'required_attribute_not_present',
      level: 'violation',
      context: { attribute_name: 'job.queue' },
    },
    {
      id: 'recommended_attribute_not_present',
      level: 'improvement',
      context: { attribute_name: 'job.owner' },
    },
    {
      id: 'opt_in_attribute_not_present',
      level: 'information',
      context: { attribute_name: 'job.trace' },
    },
    {
      id: 'conditionally_required_attribute_not_present',
      level: 'information',
      context: { attribute_name: 'job.retry' },
    },
  ];
  const run = registryYaml(
    definitions,
    spanYaml('span.job.run.internal', 'internal', { attributes: references }),
  );

  it('on a metric data point', async () => {
    const yaml = registryYaml(
      definitions,
      metricYaml('job.count', 'counter', '{job}', { attributes: references }),
    );
    const report = await checkAgainst(yaml, [metric('job.count', 'counter', '{job}')]);
    expect(findingsOf(report)).toMatchObject(
      expected.map((each) => ({ ...each, signal_type: 'metric' })),
    );
  });

  it('on an event (a log record with an event name)', async () => {
    const yaml = registryYaml(definitions, eventYaml('job.started', { attributes: references }));
    const report = await checkAgainst(yaml, [log('job.started')]);
    expect(findingsOf(report)).toMatchObject(
      expected.map((each) => ({ ...each, signal_type: 'event' })),
    );
  });

  it('on a span', async () => {
    const report = await checkAgainst(run, [span('job.run', 'internal')]);
    expect(findingsOf(report)).toMatchObject(
      expected.map((each) => ({ ...each, signal_type: 'span' })),
    );
  });

  it('nothing is reported when every attribute is present', async () => {
    const present = { 'job.queue': 'q', 'job.owner': 'o', 'job.trace': 't', 'job.retry': 'r' };
    const report = await checkAgainst(run, [span('job.run', 'internal', present)]);
    expect(idsOf(report)).toEqual([]);
  });

  it('a template attribute is present when any attribute extends it', async () => {
    const yaml = registryYaml(
      [attr('job.header', 'template[string]')],
      spanYaml('span.job.run.internal', 'internal', {
        attributes: [ref('job.header', 'required')],
      }),
    );
    const report = await checkAgainst(yaml, [
      span('job.run', 'internal', { 'job.header.accept': 'x' }),
    ]);
    expect(idsOf(report)).toEqual(['template_attribute']);
  });
});

describe('requirement findings are worked out once per set of missing attributes', () => {
  const names = ['job.a', 'job.b', 'job.c'];
  const yaml = registryYaml(
    names.map((name) => attr(name, 'string')),
    spanYaml('span.job.run.internal', 'internal', {
      attributes: names.map((name) => ref(name, 'recommended')),
    }),
  );
  const lacking = (report: LiveCheckReport) =>
    report.findings.map(({ finding, count }) => [finding.context.attribute_name, count]);

  it('spans lacking different attributes each get theirs, in the definition order, counted', async () => {
    const report = await checkAgainst(yaml, [
      span('job.run', 'internal', { 'job.b': 'x', 'job.c': 'x' }),
      span('job.run', 'internal', { 'job.a': 'x', 'job.c': 'x' }),
      span('job.run', 'internal', { 'job.b': 'x' }),
      span('job.run', 'internal', { 'job.c': 'x', 'job.b': 'x' }),
      span('job.run', 'internal', { 'job.a': 'x', 'job.b': 'x', 'job.c': 'x' }),
    ]);
    expect(lacking(report)).toEqual([
      ['job.a', 3],
      ['job.b', 1],
      ['job.c', 1],
    ]);
    // The one complete span and all 10 attributes.
    expect(report.statistics.samples_with_no_finding).toBe(11);
  });

  it('a definition with more attributes than fit a bit mask (40) is checked the same way', async () => {
    const many = Array.from({ length: 40 }, (_, index) => `job.attr${index}`);
    const big = registryYaml(
      many.map((name) => attr(name, 'string')),
      spanYaml('span.job.run.internal', 'internal', {
        attributes: many.map((name) => ref(name, 'recommended')),
      }),
    );
    // Every third one sent: a mask that wrapped past 32 bits would mistake some for others.
    const lacked = many.filter((_, index) => index % 3 !== 0);
    const sent = Object.fromEntries(
      many.filter((_, index) => index % 3 === 0).map((name) => [name, 'x']),
    );
    const report = await checkAgainst(big, [
      span('job.run', 'internal', sent),
      span('job.run', 'internal', sent),
      span('job.run', 'internal', Object.fromEntries(many.map((name) => [name, 'x']))),
    ]);
    expect(lacking(report)).toEqual(lacked.map((name) => [name, 2]));
  });

  it('a template is lacking when no attribute extends it, present as soon as one does', async () => {
    const templated = registryYaml(
      [attr('job.header', 'template[string]'), attr('job.a', 'string')],
      spanYaml('span.job.run.internal', 'internal', {
        attributes: [ref('job.a', 'recommended'), ref('job.header', 'required')],
      }),
    );
    const report = await checkAgainst(templated, [
      span('job.run', 'internal', { 'job.a': 'x' }),
      span('job.run', 'internal', { 'job.a': 'x', 'job.header.accept': 'x' }),
      span('job.run', 'internal', { 'job.header.cookie': 'x' }),
    ]);
    expect(report.statistics.findings_by_id).toEqual({
      recommended_attribute_not_present: 1,
      required_attribute_not_present: 1,
      template_attribute: 2,
    });
  });
});

describe('span and event matching', () => {
  const run = registryYaml(
    [attr('job.id', 'string')],
    spanYaml('span.job.run.internal', 'internal', { extra: 'extends: registry.test' }),
  );

  it('a span is matched to its definition by name and kind', async () => {
    const report = await checkAgainst(run, [span('job.run', 'internal')]);
    expect(idsOf(report)).toEqual(['recommended_attribute_not_present']);
    expect(report.statistics.coverage.spans.counts).toEqual({ 'span.job.run.internal': 1 });
  });

  it('missing_span: a span the registry does not define is a violation', async () => {
    const report = await checkAgainst(run, [span('job.walk', 'internal')]);
    expect(findingsOf(report)).toMatchObject([
      { id: 'missing_span', level: 'violation', signal_type: 'span', signal_name: 'job.walk' },
    ]);
    expect(report.statistics.not_in_registry.spans).toEqual({ 'job.walk': 1 });
  });

  it('unexpected_span_kind: a span of the wrong kind is a violation naming both kinds', async () => {
    const report = await checkAgainst(run, [span('job.run', 'server', { 'job.id': 'a' })]);
    expect(findingsOf(report)).toMatchObject([
      {
        id: 'unexpected_span_kind',
        level: 'violation',
        context: { span_kind: 'server', expected: 'internal' },
      },
    ]);
  });

  it('a name with two definitions of different kinds matches the one of its kind', async () => {
    const yaml = registryYaml(
      [attr('job.id', 'string')],
      spanYaml('span.job.call.client', 'client', { extra: 'extends: registry.test' }),
      spanYaml('span.job.call.server', 'server', { extra: 'extends: registry.test' }),
    );
    const report = await checkAgainst(yaml, [span('job.call', 'server', { 'job.id': 'a' })]);
    expect(idsOf(report)).toEqual([]);
    expect(report.statistics.coverage.spans.counts).toEqual({
      'span.job.call.client': 0,
      'span.job.call.server': 1,
    });
  });

  it('missing_event: an event the registry does not define is a violation, as a log or a span event', async () => {
    const yaml = registryYaml([attr('job.id', 'string')], eventYaml('job.started'));
    const report = await checkAgainst(yaml, [
      log('job.stopped'),
      span('job.run', 'internal', {}, [
        { kind: 'span_event', name: 'job.paused', attributes: attrs() },
      ]),
    ]);
    expect(findingsOf(report).filter((each) => each.id === 'missing_event')).toMatchObject([
      { level: 'violation', context: { event_name: 'job.stopped' }, signal_type: 'event' },
      { level: 'violation', context: { event_name: 'job.paused' }, signal_type: 'span' },
    ]);
  });

  it('a log record without an event name is not an event: only its attributes are checked', async () => {
    const report = await checkAgainst(users, [log('', { 'user.id': 7 })]);
    expect(idsOf(report)).toEqual([]);
    expect(report.statistics.total_entities_by_type).toEqual({ attribute: 1, log: 1 });
  });
});

describe('finding ids', () => {
  it('every finding id has the default level Weaver gives it (and the project its own two)', () => {
    expect(defaultLevels).toEqual({
      missing_attribute: 'violation',
      type_mismatch: 'violation',
      undefined_enum_variant: 'information',
      deprecated: 'violation',
      not_stable: 'improvement',
      template_attribute: 'information',
      missing_metric: 'violation',
      unexpected_instrument: 'violation',
      unit_mismatch: 'violation',
      missing_event: 'violation',
      required_attribute_not_present: 'violation',
      recommended_attribute_not_present: 'improvement',
      opt_in_attribute_not_present: 'information',
      conditionally_required_attribute_not_present: 'information',
      missing_namespace: 'improvement',
      invalid_format: 'violation',
      illegal_namespace: 'violation',
      missing_span: 'violation',
      unexpected_span_kind: 'violation',
    });
  });
});
