import { finding, type Finding, type SignalRef } from './finding.ts';
import type { RegistryIndex } from './registry-index.ts';

/** The OTel naming rule for attribute and metric names (Weaver's default live-check policy). */
const namePattern = /^[a-z][a-z0-9]*([._][a-z0-9]+)*$/;

export function hasValidNameFormat(name: string): boolean {
  return namePattern.test(name);
}

/** `a.b.c` → `a`, `a.b`: every namespace of a name, the name itself excluded. */
function namespacesOf(name: string): string[] {
  const parts = name.split('.');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('.'));
}

/** Weaver's naming findings for an attribute name: namespace present, format, no clash. */
export function attributeNameFindings(
  index: RegistryIndex,
  name: string,
  signal: SignalRef,
): Finding[] {
  const findings: Finding[] = [];
  const context = { attribute_name: name };
  if (!name.includes('.')) {
    findings.push(
      finding('missing_namespace', signal, `Attribute '${name}' has no namespace.`, context),
    );
  }
  if (!hasValidNameFormat(name)) {
    findings.push(
      finding(
        'invalid_format',
        signal,
        `Attribute '${name}' does not match the naming rule ${namePattern.source}.`,
        context,
      ),
    );
  }
  const clash = namespacesOf(name).find((namespace) => index.currentAttributeNames.has(namespace));
  if (clash !== undefined) {
    findings.push(
      finding(
        'illegal_namespace',
        signal,
        `Attribute '${name}' uses the namespace '${clash}', which is already an attribute.`,
        { ...context, namespace: clash },
      ),
    );
  }
  return findings;
}

export function metricNameFindings(name: string, signal: SignalRef): Finding[] {
  if (hasValidNameFormat(name)) return [];
  return [
    finding(
      'invalid_format',
      signal,
      `Metric '${name}' does not match the naming rule ${namePattern.source}.`,
      { metric_name: name },
    ),
  ];
}
