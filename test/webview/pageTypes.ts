/**
 * The little of the browser's globals that functions run inside the page (via Playwright) use. The Node test
 * build has no DOM lib (adding it would change typings for everyone), so page-side code casts `globalThis` to
 * these interfaces. Types only: they vanish when Playwright serialises the functions.
 */
export interface PageEventTarget {
	addEventListener(type: string, listener: (event: PageEvent) => void): void;
	removeEventListener(type: string, listener: (event: PageEvent) => void): void;
}

export interface PageEvent {
	readonly data?: unknown;
	readonly violatedDirective?: string;
	readonly blockedURI?: string;
	readonly sourceFile?: string;
	readonly sample?: string;
}

export interface PageElement {
	readonly tagName: string;
	readonly textContent: string | null;
	open?: boolean;
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	querySelector(selector: string): PageElement | null;
	getAttribute(name: string): string | null;
	click(): void;
	getBoundingClientRect(): { readonly top: number; readonly height: number };
}

export interface PageDocument extends PageEventTarget {
	readonly documentElement: { readonly style: { setProperty(name: string, value: string): void } };
	readonly body: PageElement & { readonly classList: { add(name: string): void; remove(name: string): void } };
	readonly activeElement: PageElement | null;
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	querySelector(selector: string): PageElement | null;
}

/** What the host stub (harness.ts) adds to `window`. */
export interface HostStubGlobals {
	__posted: unknown[];
	__violations: unknown[];
	__getState: () => unknown;
	__pwned?: unknown;
}

export interface PageWindow extends PageEventTarget, HostStubGlobals {
	readonly document: PageDocument;
	postMessage(message: unknown, targetOrigin: string): void;
	requestAnimationFrame(callback: () => void): number;
	readonly performance: { now(): number };
}
