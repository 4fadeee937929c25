import type { SourceLocation } from '../../yaml/index.ts';
import type { Diagnostic } from '../diagnostic/index.ts';
import type { ResolvedGroup, ResolvedRegistry } from '../resolve/index.ts';
import { namePattern } from '../semconv/index.ts';

/**
 * `builtin:otel`: the naming rules of the OpenTelemetry semantic-conventions policy pack
 * (its `yaml_schema.rego`), written in TypeScript because certify carries no Rego engine.
 * Names match `^[a-z][a-z0-9]*([._][a-z0-9]+)*$`; an attribute has a namespace (`ns.name`);
 * ids follow `metric.<metric_name>`, `event.<name>` and `span.<…>.<span_kind>`. The id
 * patterns apply to definition/1 groups: definition/2 derives its ids from the names.
 */
const nameRule =
  'lowercase letters and digits in segments joined by "." or "_", starting with a letter';
const hasNamespace = /^[a-z0-9_]+\.[a-z0-9._]+$/;

function violation(
  id: string,
  message: string,
  location: SourceLocation,
  context: Record<string, string>,
  subject: { group?: string; attribute?: string },
): Diagnostic {
  return { id, level: 'error', message, location, context, ...subject };
}

function attributeFindings(registry: ResolvedRegistry): Diagnostic[] {
  return [...registry.attributes.values()].flatMap((attribute) => {
    const { id } = attribute;
    const findings: Diagnostic[] = [];
    if (!namePattern.test(id)) {
      findings.push(
        violation(
          'invalid_format',
          `attribute name "${id}" is invalid: use ${nameRule}`,
          attribute.definedAt,
          { attribute_key: id },
          { attribute: id },
        ),
      );
    } else if (attribute.deprecated === undefined && !hasNamespace.test(id)) {
      findings.push(
        violation(
          'missing_namespace',
          `attribute name "${id}" has no namespace: name it "<namespace>.${id}"`,
          attribute.definedAt,
          { attribute_key: id },
          { attribute: id },
        ),
      );
    }
    if (attribute.type.kind === 'enum') {
      for (const member of attribute.type.members) {
        if (namePattern.test(member.id)) continue;
        findings.push(
          violation(
            'invalid_format',
            `enum member id "${member.id}" of attribute "${id}" is invalid: use ${nameRule}`,
            attribute.definedAt,
            { attribute_key: id, member_id: member.id },
            { attribute: id },
          ),
        );
      }
    }
    return findings;
  });
}

function expectedIdFindings(group: ResolvedGroup): Diagnostic[] {
  const at = group.definedAt;
  const subject = { group: group.id };
  switch (group.type) {
    case 'metric': {
      const findings: Diagnostic[] = [];
      if (!namePattern.test(group.metricName)) {
        findings.push(
          violation(
            'invalid_format',
            `metric name "${group.metricName}" is invalid: use ${nameRule}`,
            at,
            { metric_name: group.metricName },
            subject,
          ),
        );
      }
      const expected = `metric.${group.metricName}`;
      if (group.format === 1 && group.id !== expected) {
        findings.push(
          violation(
            'invalid_metric_id',
            `metric group id "${group.id}" must be "${expected}" (metric.<metric_name>)`,
            at,
            { metric_name: group.metricName, expected_id: expected },
            subject,
          ),
        );
      }
      return findings;
    }
    case 'event': {
      const findings: Diagnostic[] = [];
      if (!namePattern.test(group.name)) {
        findings.push(
          violation(
            'invalid_format',
            `event name "${group.name}" is invalid: use ${nameRule}`,
            at,
            { event_name: group.name },
            subject,
          ),
        );
      }
      const expected = `event.${group.name}`;
      if (group.format === 1 && group.id !== expected) {
        findings.push(
          violation(
            'invalid_event_id',
            `event group id "${group.id}" must be "${expected}" (event.<name>)`,
            at,
            { event_name: group.name, expected_id: expected },
            subject,
          ),
        );
      }
      return findings;
    }
    case 'span': {
      const pattern = new RegExp(`^span\\.[a-z0-9_.]+\\.${group.spanKind}$`);
      if (group.format !== 1 || pattern.test(group.id)) return [];
      return [
        violation(
          'invalid_span_id',
          `span group id "${group.id}" must follow span.<name>.${group.spanKind} (its span_kind last)`,
          at,
          { span_kind: group.spanKind },
          subject,
        ),
      ];
    }
    case 'attribute_group':
    case 'entity':
      return [];
  }
}

export function otelNamingFindings(registry: ResolvedRegistry): Diagnostic[] {
  return [...attributeFindings(registry), ...registry.groups.flatMap(expectedIdFindings)];
}
