import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadResolvedRegistry,
  type ResolvedAttribute,
  type ResolvedRegistry,
} from '../../src/registry/index.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures');

async function resolved(name: string): Promise<ResolvedRegistry> {
  const result = await loadResolvedRegistry(resolve(fixtures, name));
  if (result.kind !== 'resolved')
    throw new Error(`expected a resolved registry: ${JSON.stringify(result)}`);
  return result.registry;
}

function attributeOf(registry: ResolvedRegistry, group: string, id: string): ResolvedAttribute {
  const found = registry.groupsById.get(group)?.attributes.find((attribute) => attribute.id === id);
  if (found === undefined) throw new Error(`no attribute ${id} in ${group}`);
  return found;
}

describe('the resolved registry', () => {
  it('catalogues every attribute definition with its type, stability and deprecation', async () => {
    const registry = await resolved('valid-shop');
    expect([...registry.attributes.keys()]).toEqual([
      'shop.order.id',
      'shop.order.items',
      'shop.payment.method',
      'shop.header',
      'shop.legacy_total',
    ]);
    expect(registry.attributes.get('shop.payment.method')?.type).toEqual({
      kind: 'enum',
      members: [
        { id: 'card', value: 'card', brief: 'A payment card.', stability: 'development' },
        { id: 'invoice', value: 'invoice', stability: 'development' },
      ],
    });
    expect(registry.attributes.get('shop.header')?.type).toEqual({
      kind: 'template',
      primitive: 'string[]',
    });
    expect(registry.attributes.get('shop.legacy_total')?.deprecated).toEqual({
      reason: 'renamed',
      renamedTo: 'shop.order.total',
    });
    expect(registry.attributes.get('shop.order.id')?.definedAt).toEqual({
      file: `${fixtures}/valid-shop/registry.yaml`,
      line: 7,
      column: 9,
    });
  });

  it('flattens extends, inherited first, with the group entry overriding field by field', async () => {
    const registry = await resolved('valid-shop');
    const span = registry.groupsById.get('span.shop.checkout.server');
    expect(span?.attributes.map((attribute) => attribute.id)).toEqual([
      'shop.order.id',
      'shop.order.items',
      'shop.payment.method',
      'shop.header',
    ]);
    const items = attributeOf(registry, 'span.shop.checkout.server', 'shop.order.items');
    expect(items.requirementLevel).toEqual({
      level: 'conditionally_required',
      text: 'When the order has items.',
    });
    expect(items.note).toBe('Counted after deduplication.');
    expect(
      attributeOf(registry, 'span.shop.checkout.server', 'shop.order.id').requirementLevel,
    ).toEqual({
      level: 'required',
    });
    expect(
      attributeOf(registry, 'span.shop.checkout.server', 'shop.payment.method').requirementLevel,
    ).toEqual({
      level: 'opt_in',
    });
    expect(
      attributeOf(registry, 'span.shop.checkout.server', 'shop.header').requirementLevel,
    ).toEqual({
      level: 'recommended',
    });
  });

  it('types span, metric and event groups with their signal fields', async () => {
    const registry = await resolved('valid-shop');
    expect(registry.spans.map((span) => [span.id, span.spanKind, span.stability])).toEqual([
      ['span.shop.checkout.server', 'server', 'development'],
    ]);
    expect(
      registry.metrics.map((metric) => [
        metric.metricName,
        metric.instrument,
        metric.unit,
        metric.attributes.length,
      ]),
    ).toEqual([['shop.checkout.duration', 'histogram', 's', 2]]);
    expect(registry.events.map((event) => [event.name, event.attributes.map((a) => a.id)])).toEqual(
      [['shop.order.placed', ['shop.order.id']]],
    );
    expect(registry.attributeGroups.map((group) => group.id)).toEqual([
      'registry.shop',
      'attributes.shop.order',
    ]);
  });

  it('refuses a registry with errors, giving the diagnostics', async () => {
    const result = await loadResolvedRegistry(resolve(fixtures, 'unresolved-attribute-ref'));
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.diagnostics.map((d) => d.id)).toEqual([
      'UnresolvedAttributeRef',
    ]);
  });

  it('reports a registry folder that does not exist as an I/O problem', async () => {
    const result = await loadResolvedRegistry(resolve(fixtures, 'no-such-registry'));
    expect(result).toEqual({
      kind: 'io-error',
      message: `registry folder not found: ${resolve(fixtures, 'no-such-registry')}`,
    });
  });
});
