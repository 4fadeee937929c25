/**
 * A peer: a straightforward port of the seed tutorial's activity logger. One object per event,
 * validation with ifs (reading the clock for the future-timestamp check), an array push, and a
 * span per event through the OpenTelemetry API's global tracer.
 */
import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { actionTypes, type WorkloadActionType } from './workload.ts';

export interface TutorialEvent {
  readonly userId: number;
  readonly actionType: WorkloadActionType;
  readonly timestamp: Date;
  readonly details?: Record<string, string>;
}

export type TutorialResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

export class TutorialActivityLogger {
  private readonly events: TutorialEvent[] = [];
  private readonly tracer = trace.getTracer('activity-log-tutorial');

  logEvent(event: TutorialEvent): TutorialResult {
    return this.tracer.startActiveSpan('activity.log_event', (span): TutorialResult => {
      try {
        if (!Number.isInteger(event.userId) || event.userId <= 0)
          return refuse(span, 'invalid user id');
        if (!actionTypes.includes(event.actionType)) return refuse(span, 'invalid action type');
        if (event.timestamp > new Date()) return refuse(span, 'timestamp in the future');
        this.events.push(event);
        span.setAttribute('user.id', event.userId);
        span.setAttribute('action.type', event.actionType);
        span.setAttribute('event.timestamp', event.timestamp.toISOString());
        return { ok: true };
      } finally {
        span.end();
      }
    });
  }

  countEvents(): number {
    return this.events.length;
  }

  clear(): void {
    this.events.length = 0;
  }
}

function refuse(span: Span, error: string): TutorialResult {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error });
  return { ok: false, error };
}
