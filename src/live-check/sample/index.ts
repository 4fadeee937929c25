/** Samples: decoded OTLP export requests turned into typed entities for the checks. */
export type * from './model.ts';
export { samplesOf } from './from-request.ts';
export { sampleAttributes } from './values.ts';
