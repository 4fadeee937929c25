export {
  createInstruments,
  type Instruments,
  LOG_BATCH_ATTRIBUTES,
  LOG_EVENT_ATTRIBUTES,
  type TelemetryProviders,
} from './instruments.ts';
export * from './names.ts';
export { type EventVerdict, recordBatch, recordEvent } from './record.ts';
