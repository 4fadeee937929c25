/** Samples: OTLP export requests (decoded, or their protobuf or JSON bodies) as typed entities for the checks. */
export type * from './model.ts';
export {
  samplesFromJson,
  samplesFromJsonValue,
  samplesFromProtobuf,
  type SamplesResult,
} from './decode.ts';
export { samplesOf } from './from-request.ts';
