import { expect, it } from 'vitest';
import { checkRegistry, loadResolvedRegistry } from '../../src/registry/index.ts';
import { describeWithShared, sharedPath } from '../support/shared.ts';

const official = sharedPath('semconv/model');

describeWithShared('the official semantic-conventions registry', () => {
  it('passes the built-in check with zero errors, with builtin:otel too', async () => {
    const result = await checkRegistry({ registry: official, policies: ['builtin:otel'] });
    expect(result.kind).toBe('checked');
    if (result.kind !== 'checked') return;
    expect(result.diagnostics.filter((diagnostic) => diagnostic.level === 'error')).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.fileCount).toBe(250);
    // Weaver warns once per definition/2 file that the format is not stable yet.
    expect(new Set(result.diagnostics.map((diagnostic) => diagnostic.id))).toEqual(
      new Set(['UnstableFileFormat']),
    );
  });

  it('resolves into the model live-check uses', async () => {
    const result = await loadResolvedRegistry(official);
    if (result.kind !== 'resolved') throw new Error(JSON.stringify(result).slice(0, 500));
    const duration = result.registry.metrics.find(
      (metric) => metric.metricName === 'http.server.request.duration',
    );
    expect([duration?.instrument, duration?.unit, duration?.stability]).toEqual([
      'histogram',
      's',
      'stable',
    ]);
    expect(
      duration?.attributes.find((attribute) => attribute.id === 'http.request.method')
        ?.requirementLevel,
    ).toEqual({
      level: 'required',
    });
    // A definition/2 span, its kind and attributes from a ref_group.
    const send = result.registry.groupsById.get('span.messaging.send.producer');
    expect(send?.type === 'span' && send.spanKind).toBe('producer');
    expect(send?.attributes.some((attribute) => attribute.id === 'messaging.system')).toBe(true);
    expect(result.registry.attributes.get('http.request.header')?.type).toEqual({
      kind: 'template',
      primitive: 'string[]',
    });
  });
});
