/**
 * Wraps the HTTP client for one session generation (one base URL + credential pair). It reports
 * authentication failures to the session, and discards responses that arrive after the generation changed
 * (base URL switched, signed out) so stale data from another environment is never shown.
 */
import { ApiError } from '../api/errors';
import type { VeltApi } from '../api/veltApi';

export class GuardedApi implements VeltApi {
	constructor(
		private readonly inner: VeltApi,
		private readonly isCurrent: () => boolean,
		private readonly onAuthFailure: (error: ApiError) => void,
	) {}

	listExecutions: VeltApi['listExecutions'] = (params, signal) => this.guard(() => this.inner.listExecutions(params, signal));
	getExecution: VeltApi['getExecution'] = (id, signal) => this.guard(() => this.inner.getExecution(id, signal));
	getExecutionEvents: VeltApi['getExecutionEvents'] = (params, signal) => this.guard(() => this.inner.getExecutionEvents(params, signal));
	listDefinitions: VeltApi['listDefinitions'] = (params, signal) => this.guard(() => this.inner.listDefinitions(params, signal));
	cancelExecution: VeltApi['cancelExecution'] = (id, reason, signal) => this.guard(() => this.inner.cancelExecution(id, reason, signal));

	private async guard<T>(call: () => Promise<T>): Promise<T> {
		this.checkCurrent();
		try {
			const result = await call();
			this.checkCurrent();
			return result;
		} catch (error) {
			this.checkCurrent();
			if (ApiError.is(error) && error.isAuthFailure) {
				this.onAuthFailure(error);
			}
			throw error;
		}
	}

	private checkCurrent(): void {
		if (!this.isCurrent()) {
			throw new ApiError('cancelled', 'The API connection changed; this response was discarded.');
		}
	}
}
