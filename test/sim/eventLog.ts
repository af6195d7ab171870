/**
 * Appends events to an execution the way the real engine numbers them: internal events consume `seq` numbers
 * but are never returned, so the visible sequence has gaps (velt-api.md §2.10).
 */
import type { SimEvent, SimExecution } from './model';

export class EventLog {
	private clock: number;

	constructor(private readonly e: SimExecution) {
		this.clock = e.events.at(-1)?.timestamp ?? e.startedAt;
	}

	/** Internal events (`step.scheduled`, `step.started`, `step.response-recorded`, …): seq only. */
	hidden(count = 1): void {
		this.e.lastSeq += count;
	}

	emit(type: string, stepId: string | null, timestamp: number, data: Record<string, unknown> | null): SimEvent {
		this.e.lastSeq += 1;
		this.clock = Math.max(this.clock, timestamp);
		const event: SimEvent = {
			eventId: `evt_${this.e.executionId.slice(-8)}_${String(this.e.lastSeq).padStart(4, '0')}`,
			seq: this.e.lastSeq,
			type,
			stepId,
			timestamp: this.clock,
			correlationId: this.e.correlationId,
			data,
		};
		this.e.events.push(event);
		return event;
	}
}
