/**
 * An in-memory `VeltApi` for the execution panel's session tests: one execution, an event stream paged by
 * `sinceSeq` like `executions/getEvents`, scripted failures, and calls that can be held until released (to test
 * staleness and abort). List endpoints are not used by the panel and throw.
 */
import { ApiError } from '../../../src/api/errors';
import type {
	ApprovalEventView,
	CancelResult,
	DefinitionSummary,
	EventsPage,
	ExecutionView,
	GetEventsParams,
	Page,
} from '../../../src/api/types';
import type { VeltApi } from '../../../src/api/veltApi';

export type FakeCall =
	| { readonly method: 'getExecution'; readonly executionId: string }
	| { readonly method: 'getExecutionEvents'; readonly params: GetEventsParams }
	| { readonly method: 'cancelExecution'; readonly executionId: string; readonly reason: string | undefined };

export class FakeExecutionApi implements VeltApi {
	readonly calls: FakeCall[] = [];
	/** Errors to throw from the next calls of a method, in order. */
	readonly failures: { getExecution: ApiError[]; getExecutionEvents: ApiError[]; cancelExecution: ApiError[] } = {
		getExecution: [],
		getExecutionEvents: [],
		cancelExecution: [],
	};
	/** When set, `getExecutionEvents` always says `hasMore` without returning anything new. */
	stallEvents = false;
	/** When false, a held call ignores its abort signal (an API that answers late anyway). */
	honorAbort = true;
	private holding: (() => void)[] | undefined;

	constructor(
		public execution: ExecutionView,
		public events: ApprovalEventView[] = [],
	) {}

	hold(): void {
		this.holding ??= [];
	}

	release(): void {
		const held = this.holding ?? [];
		this.holding = undefined;
		held.forEach((go) => go());
	}

	get held(): number {
		return this.holding?.length ?? 0;
	}

	getExecution(executionId: string, signal?: AbortSignal): Promise<ExecutionView> {
		this.calls.push({ method: 'getExecution', executionId });
		const snapshot = this.execution;
		return this.answer(signal, () => {
			const failure = this.failures.getExecution.shift();
			if (failure !== undefined) {
				throw failure;
			}
			return snapshot;
		});
	}

	getExecutionEvents(params: GetEventsParams, signal?: AbortSignal): Promise<EventsPage> {
		this.calls.push({ method: 'getExecutionEvents', params });
		return this.answer(signal, () => {
			const failure = this.failures.getExecutionEvents.shift();
			if (failure !== undefined) {
				throw failure;
			}
			const since = params.sinceSeq ?? 0;
			if (this.stallEvents) {
				return { executionId: params.executionId, events: [], nextSinceSeq: since, hasMore: true };
			}
			const newer = this.events.filter((e) => e.seq > since).sort((a, b) => a.seq - b.seq);
			const page = newer.slice(0, params.pageSize ?? 100);
			const last = page.at(-1)?.seq ?? since;
			return { executionId: params.executionId, events: page, nextSinceSeq: last, hasMore: newer.length > page.length };
		});
	}

	cancelExecution(executionId: string, reason?: string, signal?: AbortSignal): Promise<CancelResult> {
		this.calls.push({ method: 'cancelExecution', executionId, reason });
		return this.answer(signal, () => {
			const failure = this.failures.cancelExecution.shift();
			if (failure !== undefined) {
				throw failure;
			}
			this.execution = { ...this.execution, status: 'cancelled', cancelledAt: this.execution.startedAt + 5000 };
			return { cancelled: true, executionId };
		});
	}

	listExecutions(): Promise<Page<ExecutionView>> {
		return Promise.reject(new Error('not used by the panel'));
	}

	listDefinitions(): Promise<Page<DefinitionSummary>> {
		return Promise.reject(new Error('not used by the panel'));
	}

	callsOf<M extends FakeCall['method']>(method: M): Extract<FakeCall, { method: M }>[] {
		return this.calls.filter((c): c is Extract<FakeCall, { method: M }> => c.method === method);
	}

	private answer<T>(signal: AbortSignal | undefined, produce: () => T): Promise<T> {
		const run = (): Promise<T> => new Promise<T>((resolve) => resolve(produce()));
		if (this.holding === undefined) {
			return run();
		}
		const holding = this.holding;
		return new Promise<T>((resolve, reject) => {
			holding.push(() => void run().then(resolve, reject));
			if (this.honorAbort) {
				signal?.addEventListener('abort', () => reject(new ApiError('cancelled', 'The request was cancelled.')));
			}
		});
	}
}

/** Events with the given seqs (gaps allowed), alternating between execution- and step-level ones. */
export function eventsWithSeqs(seqs: readonly number[], stepId = 'step_a_1_x'): ApprovalEventView[] {
	return seqs.map((seq) => ({
		eventId: `evt_${seq}`,
		seq,
		type: seq % 2 === 0 ? 'step.completed' : 'execution.dispatched',
		stepId: seq % 2 === 0 ? stepId : null,
		timestamp: 1_777_000_000_000 + seq * 1000,
		correlationId: 'corr_1',
		data: seq % 2 === 0 ? { decision: 'approve' } : null,
	}));
}
