/**
 * What the user sees, for integration tests: they run in the extension host, which cannot look at the browser,
 * so they ask the runner's Playwright page through a loopback bridge (test/host/uiBridge.js). Only the
 * code-server runner (test/host/run.js) provides it; guard UI assertions with `uiBridgeAvailable()`.
 */

/** One rendered row of a tree view (the list is virtualized: only rows in the viewport are rendered). */
export interface TreeRow {
	readonly label: string;
	readonly description: string;
	/** The row's accessible label (TreeItem.accessibilityInformation, else label and description). */
	readonly ariaLabel: string;
	/** 1 for top-level rows. */
	readonly level: number;
	/** undefined for rows that cannot expand. */
	readonly expanded?: boolean;
	readonly selected: boolean;
}

type BridgeAnswer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

const defaultTimeoutMs = 5000;

/** True when the tests run under the code-server runner, which starts the UI bridge. */
export function uiBridgeAvailable(): boolean {
	return Boolean(process.env.VELT_UI_BRIDGE);
}

async function call(op: string, args: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
	const base = process.env.VELT_UI_BRIDGE;
	if (!base) {
		throw new Error('no UI bridge: VELT_UI_BRIDGE is set only by the code-server runner (test/host/run.js)');
	}
	const response = await fetch(`${base}/${op}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(args),
		signal: AbortSignal.timeout(timeoutMs + 30000),
	});
	const answer = (await response.json()) as BridgeAnswer;
	if (!answer.ok) {
		throw new Error(`ui.${op}: ${answer.error}`);
	}
	return answer.value;
}

/** Saves a PNG of the whole workbench to VELT_SCREENSHOT_DIR (default .test-artifacts/screenshots); returns its path. */
export async function screenshot(name: string): Promise<string> {
	return (await call('screenshot', { name }, 15000)) as string;
}

/**
 * Whether `text` is visible anywhere in the workbench, webview frames included, waiting up to `timeoutMs`
 * (default 5 s) for it to appear. Case-insensitive substring unless `exact`.
 */
export async function textVisible(text: string, options: { timeoutMs?: number; exact?: boolean } = {}): Promise<boolean> {
	const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
	return (await call('textVisible', { text, exact: options.exact ?? false, timeoutMs }, timeoutMs)) === true;
}

/** Rendered rows of a tree view, in display order; throws when the view's tree is not rendered. */
export async function treeRows(options: { viewName?: string; containerId?: string } = {}): Promise<TreeRow[]> {
	return (await call('treeRows', { ...options }, defaultTimeoutMs)) as TreeRow[];
}

/**
 * Messages of the notifications currently in the notification center. Toasts never show in this host (VS Code's
 * smoke-test driver turns them off); run `notifications.clearAll` first to look only at new ones.
 */
export async function notifications(): Promise<string[]> {
	return (await call('notifications', {}, defaultTimeoutMs)) as string[];
}

/**
 * Clicks the first visible match in any frame: a CSS selector when the target starts with `.`, `#`, `[` or
 * `css=`, otherwise text (exact match preferred). Waits up to `timeoutMs` (default 5 s); throws if none shows.
 */
export async function click(selectorOrText: string, options: { timeoutMs?: number } = {}): Promise<void> {
	const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
	await call('click', { target: selectorOrText, timeoutMs }, timeoutMs);
}

/** Opens a loopback URL in a second browser tab (then closes it), as a user following a link would. */
export async function openUrl(url: string, options: { timeoutMs?: number } = {}): Promise<void> {
	const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
	await call('openUrl', { url, timeoutMs }, timeoutMs);
}
