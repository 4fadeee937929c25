import {
  annotations,
  attributeType,
  deprecated,
  entityAssociations,
  examples,
  imports,
  requirementLevel,
  stability,
  sharedDefinitions,
  values,
} from './schema-shared.ts';

/**
 * certify's JSON Schema for one `definition/2` file (Weaver's newer, still unstable format, used
 * by part of the official registry). Unknown keys are rejected at every level.
 */
const described = {
  brief: { type: 'string' },
  note: { type: 'string' },
  stability,
  deprecated,
  annotations,
};

const signalRequirementLevel = { enum: ['recommended', 'opt_in'] };

const attributeDefinition = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'type', 'brief', 'stability'],
  properties: { key: { type: 'string' }, type: attributeType, examples, ...described },
};

const attributeReference = {
  type: 'object',
  additionalProperties: false,
  required: ['ref'],
  properties: {
    ref: { type: 'string' },
    examples,
    requirement_level: requirementLevel,
    sampling_relevant: { type: 'boolean' },
    ...described,
  },
};

const groupReference = {
  type: 'object',
  additionalProperties: false,
  required: ['ref_group'],
  properties: { ref_group: { type: 'string' } },
};

const attributeOrGroup = {
  type: 'object',
  if: { type: 'object', required: ['ref_group'] },
  then: groupReference,
  else: { $ref: '#/$defs/attributeReference' },
};

const attributeList = { type: 'array', items: { $ref: '#/$defs/attributeOrGroup' } };

const attributeGroup = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'visibility'],
  properties: {
    id: { type: 'string' },
    visibility: { enum: ['internal', 'public'] },
    attributes: attributeList,
    ...described,
  },
  if: { properties: { visibility: { const: 'public' } } },
  then: { required: ['brief', 'stability'] },
};

const signal = {
  ...described,
  attributes: attributeList,
  entity_associations: entityAssociations,
  requirement_level: signalRequirementLevel,
};

const span = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'kind', 'name', 'brief', 'stability'],
  properties: {
    type: { type: 'string' },
    kind: { enum: values.spanKinds },
    name: {
      type: 'object',
      additionalProperties: false,
      required: ['note'],
      properties: { note: { type: 'string' } },
    },
    ...signal,
  },
};

const metric = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'instrument', 'unit', 'brief', 'stability'],
  properties: {
    name: { type: 'string' },
    instrument: { enum: values.instruments },
    unit: { type: 'string' },
    ...signal,
  },
};

const event = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'brief', 'stability'],
  properties: { name: { type: 'string' }, ...signal },
};

const entity = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'identity', 'brief', 'stability'],
  properties: {
    type: { type: 'string' },
    identity: { type: 'array', items: { $ref: '#/$defs/attributeReference' } },
    description: { type: 'array', items: { $ref: '#/$defs/attributeReference' } },
    requirement_level: signalRequirementLevel,
    ...described,
  },
};

function refinement(extra: Record<string, unknown>) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'ref'],
    properties: { id: { type: 'string' }, ref: { type: 'string' }, ...described, ...extra },
  };
}

const signalRefinement = { attributes: attributeList, entity_associations: entityAssociations };

export const definitionV2Schema = {
  $id: 'https://certify.invalid/schemas/definition-2.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    file_format: { type: 'string' },
    attributes: { type: 'array', items: attributeDefinition },
    attribute_groups: { type: 'array', items: attributeGroup },
    spans: { type: 'array', items: span },
    metrics: { type: 'array', items: metric },
    events: { type: 'array', items: event },
    entities: { type: 'array', items: entity },
    span_refinements: {
      type: 'array',
      items: refinement({ ...signalRefinement, name: span.properties.name }),
    },
    metric_refinements: { type: 'array', items: refinement(signalRefinement) },
    event_refinements: { type: 'array', items: refinement(signalRefinement) },
    entity_refinements: {
      type: 'array',
      items: refinement({
        identity: { type: 'array', items: { $ref: '#/$defs/attributeReference' } },
        description: { type: 'array', items: { $ref: '#/$defs/attributeReference' } },
      }),
    },
    imports,
  },
  $defs: { ...sharedDefinitions, attributeReference, attributeOrGroup },
};
