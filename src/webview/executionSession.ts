/**
 * What one execution panel knows, without `vscode`: the execution, the loaded prefix of its event stream, the
 * last error, and the messages that describe them. The panel forwards `onDidPost` to its webview and replays
 * `snapshot()` whenever the webview (re)loads, so a hidden-then-shown panel needs no retained context.
 * Loads are cancellable and last-one-wins; a stale answer never overwrites a newer one.
 */
import { ApiError, isCancellation } from '../api/errors';
import type { ExecutionView } from '../api/types';
import type { VeltApi } from '../api/veltApi';
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import { Disposable, MutableDisposable, toDisposable } from '../common/lifecycle';
import type { Logger } from '../common/logger';
import { EventLog, loadEventBatch, MAX_EVENT_PAGES_PER_BATCH } from './eventLoader';
import type { EventBatch } from './eventLoader';
import type { ToWebview, WebviewErrorKind, WebviewStrings } from './protocol';

export interface SessionError {
	readonly message: string;
	readonly kind: WebviewErrorKind;
}

export interface ExecutionSessionDeps {
	readonly executionId: string;
	readonly getApi: () => VeltApi | undefined;
	readonly strings: () => WebviewStrings;
	/** Localized, credential-free text for an error (the UI edge owns wording). */
	readonly describeError: (error: unknown) => SessionError;
	readonly isWatched: () => boolean;
	readonly canWatch?: boolean;
	readonly logger: Logger;
	readonly now?: () => number;
	readonly maxEventPages?: number;
}

export class ExecutionSession extends Disposable {
	private readonly _onDidPost = this._register(new Emitter<ToWebview>());
	/** Incremental messages; drop them while the webview is not ready and replay `snapshot()` instead. */
	readonly onDidPost: Event<ToWebview> = this._onDidPost.event;
	private readonly _onDidChangeExecution = this._register(new Emitter<ExecutionView>());
	readonly onDidChangeExecution: Event<ExecutionView> = this._onDidChangeExecution.event;

	private view: ExecutionView | undefined;
	private readonly log = new EventLog();
	private lastError: SessionError | undefined;
	private loading = false;
	private readonly currentLoad = this._register(new MutableDisposable());
	private readonly currentEventsLoad = this._register(new MutableDisposable());
	private eventsInFlight: Promise<void> | undefined;
	private cancelling = false;

	constructor(private readonly deps: ExecutionSessionDeps) {
		super();
	}

	get executionId(): string {
		return this.deps.executionId;
	}

	get execution(): ExecutionView | undefined {
		return this.view;
	}

	/** Everything the webview needs to show the current state from scratch. */
	snapshot(): ToWebview[] {
		const messages: ToWebview[] = [];
		if (this.view !== undefined) {
			messages.push(this.executionMessage(this.view));
		} else if (this.lastError === undefined) {
			messages.push({ type: 'loading', strings: this.deps.strings() });
		}
		if (this.lastError !== undefined) {
			messages.push({ type: 'error', ...this.lastError, strings: this.deps.strings() });
		}
		if (this.loading && this.view !== undefined) {
			messages.push({ type: 'loading', strings: this.deps.strings() });
		}
		return messages;
	}

	/** (Re)loads the execution; on later loads also fetches events newer than the loaded prefix. */
	async load(): Promise<void> {
		const controller = new AbortController();
		this.currentLoad.value = toDisposable(() => controller.abort());
		this.loading = true;
		this.post({ type: 'loading', strings: this.deps.strings() });
		try {
			const api = this.requireApi();
			const view = await api.getExecution(this.executionId, controller.signal);
			const events = this.log.wantsNewer ? await this.tryBatch(api, controller.signal) : undefined;
			if (controller.signal.aborted) {
				return;
			}
			this.lastError = undefined;
			if (events !== undefined && !(events instanceof Error)) {
				this.applyBatch(events);
			}
			this.setView(view);
			if (events instanceof Error) {
				this.fail(events, controller.signal);
			}
		} catch (error) {
			this.fail(error, controller.signal);
		} finally {
			if (!controller.signal.aborted) {
				this.loading = false;
			}
		}
	}

	/** The next bounded batch of events ("Load more events"); coalesces repeated clicks. */
	loadMoreEvents(): Promise<void> {
		if (this.eventsInFlight !== undefined) {
			return this.eventsInFlight;
		}
		const controller = new AbortController();
		this.currentEventsLoad.value = toDisposable(() => controller.abort());
		this.eventsInFlight = (async () => {
			try {
				const api = this.requireApi();
				const batch = await loadEventBatch(api, this.executionId, this.log.nextSinceSeq, controller.signal, this.maxPages);
				if (!controller.signal.aborted) {
					this.applyBatch(batch);
					this.post({ type: 'events', events: batch.events, complete: batch.complete });
				}
			} catch (error) {
				this.fail(error, controller.signal);
			} finally {
				this.eventsInFlight = undefined;
			}
		})();
		return this.eventsInFlight;
	}

	/** A newer view from elsewhere (polling): show it now, then pick up events it may have produced. */
	update(view: ExecutionView): void {
		if (view.executionId !== this.executionId) {
			return;
		}
		this.lastError = undefined;
		this.setView(view);
		if (this.log.complete) {
			void this.loadMoreEvents();
		}
	}

	/** Calls `executions/cancel` at most once at a time; reloads afterwards. True when the API accepted it. */
	async cancel(reason: string | undefined): Promise<boolean> {
		if (this.cancelling) {
			return false;
		}
		this.cancelling = true;
		try {
			const result = await this.requireApi().cancelExecution(this.executionId, reason);
			this.deps.logger.info(`Cancel requested for ${this.executionId}: cancelled=${String(result.cancelled)}`);
			await this.load();
			return true;
		} catch (error) {
			this.fail(error, undefined);
			return false;
		} finally {
			this.cancelling = false;
		}
	}

	postWatching(): void {
		this.post({ type: 'watching', watching: this.deps.isWatched() });
	}

	/** Events failing must not hide an execution that loaded: the error comes back as a value. */
	private async tryBatch(api: VeltApi, signal: AbortSignal): Promise<EventBatch | Error> {
		try {
			return await loadEventBatch(api, this.executionId, this.log.nextSinceSeq, signal, this.maxPages);
		} catch (error) {
			if (isCancellation(error)) {
				throw error;
			}
			return error instanceof Error ? error : new Error(String(error));
		}
	}

	private applyBatch(batch: EventBatch): void {
		if (batch.stalled) {
			this.deps.logger.warn(`Events of ${this.executionId}: hasMore without progress at seq ${batch.nextSinceSeq}`);
		}
		this.log.apply(batch);
	}

	private setView(view: ExecutionView): void {
		this.view = view;
		this._onDidChangeExecution.fire(view);
		this.post(this.executionMessage(view));
	}

	private executionMessage(view: ExecutionView): ToWebview {
		return {
			type: 'execution',
			execution: view,
			events: this.log.events,
			eventsComplete: this.log.complete,
			watching: this.deps.isWatched(),
			canWatch: this.deps.canWatch ?? false,
			strings: this.deps.strings(),
			now: (this.deps.now ?? Date.now)(),
		};
	}

	private requireApi(): VeltApi {
		const api = this.deps.getApi();
		if (api === undefined) {
			throw new ApiError('auth', 'Not signed in');
		}
		return api;
	}

	private fail(error: unknown, signal: AbortSignal | undefined): void {
		if (signal?.aborted === true || isCancellation(error) || this._store.isDisposed) {
			return;
		}
		this.lastError = this.deps.describeError(error);
		this.deps.logger.warn(`Execution ${this.executionId}: ${this.lastError.kind}: ${String(error)}`);
		this.post({ type: 'error', ...this.lastError, strings: this.deps.strings() });
	}

	private post(message: ToWebview): void {
		if (!this._store.isDisposed) {
			this._onDidPost.fire(message);
		}
	}

	private get maxPages(): number {
		return this.deps.maxEventPages ?? MAX_EVENT_PAGES_PER_BATCH;
	}
}
