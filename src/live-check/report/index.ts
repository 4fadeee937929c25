/** Report: the checks' outcome as statistics, streamed ANSI lines, a JSON document and a file. */
export { ReportAccumulator, type ListingLimits } from './accumulator.ts';
export { findingLine, summaryText } from './ansi.ts';
export type * from './model.ts';
export { reportFileName, reportJson, writeReportFile } from './write.ts';
