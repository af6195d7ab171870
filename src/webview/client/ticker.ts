/**
 * Keeps running durations and relative times current without asking the host: one 1 s interval for the whole
 * page, only while something is live and the page is visible (hidden panels cost nothing).
 */
import { formatDuration, formatRelative } from '../format';

interface LiveItem {
	readonly element: HTMLElement;
	readonly update: (now: number) => string;
}

export class Ticker {
	private items: LiveItem[] = [];
	private timer: number | undefined;

	constructor(private readonly now: () => number) {
		document.addEventListener('visibilitychange', () => this.schedule());
	}

	/** Duration since `from` (epoch ms), updated every second. */
	duration(element: HTMLElement, from: number): void {
		this.add(element, (now) => formatDuration(now - from));
	}

	relative(element: HTMLElement, at: number, locale: string): void {
		this.add(element, (now) => formatRelative(at, now, locale));
	}

	/** Forget every element (called before each full render). */
	reset(): void {
		this.items = [];
		this.schedule();
	}

	private add(element: HTMLElement, update: (now: number) => string): void {
		element.textContent = update(this.now());
		this.items.push({ element, update });
		this.schedule();
	}

	private schedule(): void {
		const wanted = this.items.length > 0 && document.visibilityState === 'visible';
		if (wanted && this.timer === undefined) {
			this.timer = window.setInterval(() => this.tick(), 1000);
		} else if (!wanted && this.timer !== undefined) {
			window.clearInterval(this.timer);
			this.timer = undefined;
		}
	}

	private tick(): void {
		const now = this.now();
		for (const item of this.items) {
			const text = item.update(now);
			if (item.element.textContent !== text) {
				item.element.textContent = text;
			}
		}
	}
}
