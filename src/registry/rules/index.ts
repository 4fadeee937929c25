/** Stage 3: per-group validation rules (Weaver's `validate`) on the specs. */
export { checkRules } from './rules.ts';
