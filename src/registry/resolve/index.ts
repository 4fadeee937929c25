/** Stage 4: specs → the resolved registry (the model other stages and live-check use). */
export { resolveRegistry, type ResolveResult } from './resolve.ts';
export type {
  ExampleValue,
  ResolvedAttribute,
  ResolvedAttributeGroup,
  ResolvedEntityGroup,
  ResolvedEventGroup,
  ResolvedGroup,
  ResolvedMetricGroup,
  ResolvedRegistry,
  ResolvedSpanGroup,
} from './model.ts';
