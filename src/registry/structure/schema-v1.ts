import {
  annotations,
  attributeType,
  deprecated,
  entityAssociations,
  enumMember,
  examples,
  imports,
  requirementLevel,
  stability,
  sharedDefinitions,
  values,
} from './schema-shared.ts';

/**
 * certify's JSON Schema for one `definition/1` file. It checks the shape of everything and
 * rejects unknown keys at every level, as Weaver's deserializer does (Weaver's published JSON
 * Schema leaves groups open). Requirements that depend on the group type (`span_kind` on spans,
 * `stability` outside attribute groups, …) are checked by the rules stage, which reports them
 * with Weaver's own diagnostic ids.
 */
const attributeCommon = {
  brief: { type: 'string' },
  note: { type: 'string' },
  examples,
  tag: { type: 'string' },
  requirement_level: requirementLevel,
  sampling_relevant: { type: 'boolean' },
  stability,
  deprecated,
  annotations,
  role: { enum: ['identifying', 'descriptive'] },
};

const attributeReference = {
  type: 'object',
  additionalProperties: false,
  properties: { ref: { type: 'string' }, prefix: { type: 'boolean' }, ...attributeCommon },
};

const attributeDefinition = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type'],
  properties: { id: { type: 'string' }, type: attributeType, ...attributeCommon },
};

const attribute = {
  type: 'object',
  if: { type: 'object', required: ['ref'] },
  then: attributeReference,
  else: attributeDefinition,
};

const anyValue = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type'],
  properties: {
    id: { type: 'string' },
    type: {
      enum: [
        'string',
        'int',
        'double',
        'boolean',
        'string[]',
        'int[]',
        'double[]',
        'boolean[]',
        'map',
        'map[]',
        'byte[]',
        'enum',
        'undefined',
      ],
    },
    brief: { type: 'string' },
    note: { type: 'string' },
    stability,
    requirement_level: requirementLevel,
    examples,
    deprecated,
    fields: { type: 'array', items: { $ref: '#/$defs/anyValue' } },
    members: { type: 'array', items: enumMember },
  },
};

const constraint = {
  type: 'object',
  additionalProperties: false,
  properties: { include: { type: 'string' }, any_of: values.stringList },
};

const group = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'brief'],
  properties: {
    id: { type: 'string' },
    type: { enum: values.groupTypes },
    brief: { type: 'string' },
    note: { type: 'string' },
    // No longer valid: accepted here so that a rule can say so with Weaver's id.
    prefix: { type: 'string' },
    extends: { type: 'string' },
    stability,
    deprecated,
    attributes: { type: 'array', items: { $ref: '#/$defs/attribute' } },
    constraints: { type: 'array', items: constraint },
    span_kind: { enum: values.spanKinds },
    events: values.stringList,
    metric_name: { type: 'string' },
    instrument: { enum: values.instruments },
    unit: { type: 'string' },
    name: { type: 'string' },
    display_name: { type: 'string' },
    body: { $ref: '#/$defs/anyValue' },
    annotations,
    entity_associations: entityAssociations,
  },
};

export const definitionV1Schema = {
  $id: 'https://certify.invalid/schemas/definition-1.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    file_format: { type: 'string' },
    version: { type: ['string', 'number'] },
    groups: { type: 'array', items: { $ref: '#/$defs/group' } },
    imports,
  },
  $defs: { ...sharedDefinitions, anyValue, attribute, group },
};
