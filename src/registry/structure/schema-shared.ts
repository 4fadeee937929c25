import {
  deprecationReasons,
  groupTypes,
  instruments,
  primitiveTypes,
  spanKinds,
  stabilityLevels,
  templateTypes,
} from '../semconv/index.ts';

/**
 * Schema pieces shared by `definition/1` and `definition/2`. Descriptions are what a person
 * reads when a value has the wrong form, so they say what is accepted.
 */
const stringList = { type: 'array', items: { type: 'string' } };

const stabilityDef = {
  description: `one of: ${stabilityLevels.join(', ')}`,
  // `experimental` is the old name of `development`; `deprecated` is refused by a rule, with advice.
  enum: [...stabilityLevels, 'experimental', 'deprecated'],
};

const deprecatedObject = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: { enum: deprecationReasons },
    renamed_to: { type: 'string' },
    note: { type: 'string' },
  },
  if: { properties: { reason: { const: 'renamed' } } },
  then: { required: ['renamed_to'] },
};

/** A plain string is the legacy form: accepted here, refused by a rule with a clear message. */
const deprecatedDef = {
  if: { type: 'string' },
  else: deprecatedObject,
};

const requirementLevelDef = {
  description:
    'one of: required, recommended, opt_in, or a mapping {conditionally_required: <condition>}, {recommended: <text>} or {opt_in: <text>}',
  anyOf: [
    { enum: ['required', 'recommended', 'opt_in'] },
    ...['conditionally_required', 'recommended', 'opt_in'].map((level) => ({
      type: 'object',
      additionalProperties: false,
      required: [level],
      properties: { [level]: { type: 'string' } },
    })),
  ],
};

const scalar = { type: ['string', 'number', 'boolean'] };

const examplesDef = {
  description: 'a value, or a list of values (or of lists, for array types)',
  anyOf: [scalar, { type: 'array', items: { anyOf: [scalar, { type: 'array', items: scalar }] } }],
};

export const annotations = { type: 'object' };

/** References to the shared definitions: each is compiled once, however often it is used. */
export const stability = { $ref: '#/$defs/stability' };
export const deprecated = { $ref: '#/$defs/deprecated' };
export const requirementLevel = { $ref: '#/$defs/requirementLevel' };
export const examples = { $ref: '#/$defs/examples' };
export const enumMember = { $ref: '#/$defs/enumMember' };
export const attributeType = { $ref: '#/$defs/attributeType' };

const enumMemberDef = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'value'],
  properties: {
    id: { type: 'string' },
    value: scalar,
    brief: { type: 'string' },
    note: { type: 'string' },
    stability,
    deprecated,
    annotations,
  },
};

const attributeTypeDef = {
  if: { type: 'string' },
  then: {
    description: 'a type name or a mapping {members: [...]}',
    enum: [...primitiveTypes, ...templateTypes],
  },
  else: {
    type: 'object',
    additionalProperties: false,
    required: ['members'],
    properties: {
      members: { type: 'array', items: { $ref: '#/$defs/enumMember' } },
      // Old syntax, reported by a rule as no longer used.
      allow_custom_values: { type: 'boolean' },
    },
  },
};

export const entityAssociations = {
  type: 'array',
  items: { $ref: '#/$defs/entityAssociation' },
};

const entityAssociationDef = {
  description: 'an entity name, or a mapping {one_of: [...]} or {all_of: [...]}',
  anyOf: [
    { type: 'string' },
    ...['one_of', 'all_of'].map((key) => ({
      type: 'object',
      additionalProperties: false,
      required: [key],
      properties: { [key]: { type: 'array', items: { $ref: '#/$defs/entityAssociation' } } },
    })),
  ],
};

export const imports = {
  type: 'object',
  additionalProperties: false,
  properties: {
    metrics: stringList,
    events: stringList,
    entities: stringList,
    spans: stringList,
    attribute_groups: stringList,
  },
};

export const values = { groupTypes, instruments, spanKinds, stringList };

/** The `$defs` every schema of certify's must carry for the references above. */
export const sharedDefinitions = {
  stability: stabilityDef,
  deprecated: deprecatedDef,
  requirementLevel: requirementLevelDef,
  examples: examplesDef,
  enumMember: enumMemberDef,
  attributeType: attributeTypeDef,
  entityAssociation: entityAssociationDef,
};
