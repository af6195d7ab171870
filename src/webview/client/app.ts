/**
 * The client's state machine: loading → execution (+ appended events, watch state) or error. Every full render
 * keeps what the user did: expanded sections, scroll position and keyboard focus survive a refresh.
 */
import type { ApprovalEventView, ExecutionView } from '../../api/types';
import { isTerminal } from '../../api/types';
import type { FromWebview, ToWebview, WebviewStrings } from '../protocol';
import type { RenderContext } from './context';
import { t } from './context';
import { el, lazyDetails } from './dom';
import { renderError, renderLoading } from './feedback';
import { renderHeader } from './header';
import { statusText } from './present';
import { renderSteps } from './steps';
import { Ticker } from './ticker';
import { renderTimeline } from './timeline';

export interface Host {
	postMessage(message: FromWebview): void;
	setState(state: { executionId: string }): void;
}

type ExecutionMessage = Extract<ToWebview, { type: 'execution' }>;

export class App {
	private strings: WebviewStrings | undefined;
	private execution: ExecutionView | undefined;
	private events: readonly ApprovalEventView[] = [];
	private eventsComplete = true;
	private watching = false;
	private canWatch = false;
	private failureRevealPending = false;
	private clockOffset = 0;
	private announced = '';
	private readonly ticker = new Ticker(() => Date.now() + this.clockOffset);

	constructor(
		private readonly root: HTMLElement,
		private readonly live: HTMLElement,
		private readonly host: Host,
	) {}

	receive(data: unknown): void {
		if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') {
			return;
		}
		const message = data as ToWebview;
		switch (message.type) {
			case 'loading':
				return this.showLoading(message.strings);
			case 'execution':
				return this.showExecution(message);
			case 'events':
				return this.appendEvents(message.events, message.complete);
			case 'error':
				return this.showError(message.message, message.kind, message.strings);
			case 'watching':
				return this.setWatching(message.watching);
			case 'revealFailure':
				this.failureRevealPending = true;
				return this.revealFailure();
			default:
				return; // a newer host's message: ignore rather than guess
		}
	}

	private showLoading(strings: WebviewStrings): void {
		this.strings = strings;
		this.root.setAttribute('aria-busy', 'true');
		if (this.execution === undefined) {
			this.ticker.reset();
			this.root.replaceChildren(renderLoading(strings));
		} else {
			this.root.classList.add('is-busy');
		}
	}

	private showExecution(message: ExecutionMessage): void {
		this.strings = message.strings;
		this.execution = message.execution;
		this.events = message.events;
		this.eventsComplete = message.eventsComplete;
		this.watching = message.watching;
		this.canWatch = message.canWatch;
		this.clockOffset = message.now - Date.now();
		this.host.setState({ executionId: message.execution.executionId });
		this.render();
		const ctx = this.context(new Map());
		const { executionId, status } = message.execution;
		this.announce(t(ctx, 'statusAnnouncement', executionId, statusText(ctx, status)));
		this.revealFailure();
	}

	/** Scrolls to and focuses the first failed step, else the failure reason; waits for the execution if needed. */
	private revealFailure(): void {
		if (!this.failureRevealPending || this.execution === undefined) {
			return;
		}
		this.failureRevealPending = false;
		const failed = this.execution.steps.find((step) => step.status === 'failed' || step.status === 'breached' || step.error !== null);
		const target =
			(failed === undefined ? null : this.root.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(failed.stepId)}"]`)) ??
			this.root.querySelector<HTMLElement>('.failure');
		if (target !== null) {
			target.setAttribute('tabindex', '-1');
			target.classList.add('revealed');
			target.scrollIntoView({ block: 'start' });
			target.focus({ preventScroll: true });
		}
	}

	private appendEvents(events: readonly ApprovalEventView[], complete: boolean): void {
		if (this.execution === undefined) {
			return;
		}
		const bySeq = new Map(this.events.map((e) => [e.seq, e]));
		for (const event of events) {
			bySeq.set(event.seq, event);
		}
		this.events = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
		this.eventsComplete = complete;
		this.preserving(() => {
			const ctx = this.context(collectMemory(this.root));
			const section = renderTimeline(ctx, this.events, complete, this.execution?.steps ?? []);
			this.root.querySelector('section.events')?.replaceWith(section);
		});
	}

	private showError(text: string, kind: string, strings: WebviewStrings): void {
		this.strings = strings;
		this.root.removeAttribute('aria-busy');
		this.root.classList.remove('is-busy');
		const view = renderError(strings, text, kind, (m) => this.host.postMessage(m), this.execution !== undefined);
		if (this.execution === undefined) {
			this.ticker.reset();
			this.root.replaceChildren(view);
		} else {
			this.root.querySelector('.banner')?.remove();
			this.root.prepend(view);
		}
		view.querySelector('button')?.focus();
	}

	private setWatching(watching: boolean): void {
		if (this.execution === undefined || this.strings === undefined) {
			return;
		}
		this.watching = watching;
		this.preserving(() => {
			const ctx = this.context(collectMemory(this.root));
			const header = renderHeader(ctx, this.execution as ExecutionView, { watching, canWatch: this.canWatch });
			this.root.querySelector('header.execution-header')?.replaceWith(header);
		});
		this.announce(this.strings[watching ? 'watchingAnnouncement' : 'notWatchingAnnouncement']);
	}

	private render(): void {
		const execution = this.execution;
		if (execution === undefined) {
			return;
		}
		this.preserving(() => {
			const ctx = this.context(collectMemory(this.root));
			this.ticker.reset();
			this.root.replaceChildren(
				renderHeader(ctx, execution, { watching: this.watching, canWatch: this.canWatch }),
				renderSteps(ctx, execution.steps, !isTerminal(execution.status)),
				renderTimeline(ctx, this.events, this.eventsComplete, execution.steps),
				lazyDetails('raw', ctx.memory, [el('span', { className: 'section-label', text: t(ctx, 'rawJson') })], () =>
					el('pre', { className: 'raw-json', text: JSON.stringify(execution, null, 2) }),
					{ className: 'raw' },
				),
			);
			this.root.removeAttribute('aria-busy');
			this.root.classList.remove('is-busy');
		});
	}

	/** Runs a DOM replacement, then puts scroll position and keyboard focus back. */
	private preserving(replace: () => void): void {
		const focusKey = document.activeElement?.getAttribute('data-focus-key') ?? undefined;
		const scrollY = window.scrollY;
		replace();
		window.scrollTo(0, scrollY);
		if (focusKey !== undefined) {
			this.root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
		}
	}

	private context(memory: ReadonlyMap<string, boolean>): RenderContext {
		return {
			strings: this.strings as WebviewStrings,
			now: () => Date.now() + this.clockOffset,
			memory,
			ticker: this.ticker,
			post: (message) => this.host.postMessage(message),
		};
	}

	/** Screen readers hear status changes once, not every refresh. */
	private announce(text: string): void {
		if (text !== this.announced) {
			this.announced = text;
			this.live.textContent = text;
		}
	}
}

function collectMemory(root: HTMLElement): Map<string, boolean> {
	const memory = new Map<string, boolean>();
	for (const details of root.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
		memory.set(details.getAttribute('data-key') ?? '', details.open);
	}
	return memory;
}
