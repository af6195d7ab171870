/**
 * Wraps the HTTP client for one session generation (one base URL + credential pair). It reports
 * authentication failures to the session, and discards responses that arrive after the generation changed
 * (base URL switched, signed out) so stale data from another environment is never shown. A success of a call
 * that started after a rejection tells the session the credentials work again.
 */
import { ApiError } from '../api/errors';
import type { VeltApi } from '../api/veltApi';

/** How a generation's calls report back to the session. */
export interface GuardHooks {
	readonly isCurrent: () => boolean;
	readonly onAuthFailure: (error: ApiError) => void;
	/** A number that changes with every rejection; read when a call starts, handed back when it succeeds. */
	readonly ticket: () => number;
	readonly onSuccess: (ticket: number) => void;
}

export class GuardedApi implements VeltApi {
	constructor(
		private readonly inner: VeltApi,
		private readonly hooks: GuardHooks,
	) {}

	listExecutions: VeltApi['listExecutions'] = (params, signal) => this.guard(() => this.inner.listExecutions(params, signal));
	getExecution: VeltApi['getExecution'] = (id, signal) => this.guard(() => this.inner.getExecution(id, signal));
	getExecutionEvents: VeltApi['getExecutionEvents'] = (params, signal) => this.guard(() => this.inner.getExecutionEvents(params, signal));
	listDefinitions: VeltApi['listDefinitions'] = (params, signal) => this.guard(() => this.inner.listDefinitions(params, signal));
	cancelExecution: VeltApi['cancelExecution'] = (id, reason, signal) => this.guard(() => this.inner.cancelExecution(id, reason, signal));

	private async guard<T>(call: () => Promise<T>): Promise<T> {
		this.checkCurrent();
		const ticket = this.hooks.ticket();
		let result: T;
		try {
			result = await call();
		} catch (error) {
			this.checkCurrent();
			if (ApiError.is(error) && error.isAuthFailure) {
				this.hooks.onAuthFailure(error);
			}
			throw error;
		}
		this.checkCurrent();
		this.hooks.onSuccess(ticket);
		return result;
	}

	private checkCurrent(): void {
		if (!this.hooks.isCurrent()) {
			throw new ApiError('cancelled', 'The API connection changed; this response was discarded.');
		}
	}
}
