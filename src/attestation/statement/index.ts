export {
  IN_TOTO_STATEMENT_TYPE,
  buildStatement,
  type BuildStatementOptions,
  type Statement,
  type Subject,
} from './statement.ts';
export { validateStatement, type StatementValidation } from './validate.ts';
