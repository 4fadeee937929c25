/** Stage 5: policies on the resolved registry (`builtin:otel`; Rego needs the real Weaver). */
export {
  builtinPolicyNames,
  classifyPolicy,
  runBuiltinPolicies,
  type PolicyChoice,
} from './policies.ts';
