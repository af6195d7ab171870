/**
 * Mocha wiring for the Chromium suites: one browser + server per suite, a fresh page per test, and after
 * every test the checks no test may skip: no dialog fired, no page error, no CSP violation.
 */
import assert from 'node:assert/strict';
import type { ApprovalEventView, ExecutionView } from '../../src/api/types';
import type { ToWebview } from '../../src/webview/protocol';
import { WebviewHarness } from './harness';
import type { PageOptions, PanelPage } from './harness';
import { ENGLISH } from './strings';
import { T0 } from './builders';

export interface PanelPages {
	open(options?: PageOptions): Promise<PanelPage>;
}

export function usePanelPages(): PanelPages {
	let harness: WebviewHarness | undefined;
	const pages: PanelPage[] = [];
	before(async function () {
		this.timeout(60_000);
		harness = await WebviewHarness.start();
	});
	afterEach(async () => {
		const open = pages.splice(0);
		try {
			for (const page of open) {
				assert.deepEqual(page.dialogs, [], 'no dialog may fire');
				assert.deepEqual(page.pageErrors, [], 'no uncaught page error');
				assert.deepEqual(await page.cspViolations(), [], 'no CSP violation');
			}
		} finally {
			await Promise.all(open.map((page) => page.close()));
		}
	});
	after(async () => {
		await harness?.close();
	});
	return {
		open: async (options) => {
			assert.ok(harness, 'harness started');
			const page = await harness.open(options);
			pages.push(page);
			return page;
		},
	};
}

export function executionMessage(
	execution: ExecutionView,
	init: Partial<{ events: readonly ApprovalEventView[]; eventsComplete: boolean; watching: boolean; canWatch: boolean; now: number }> = {},
): ToWebview {
	return {
		type: 'execution',
		execution,
		events: init.events ?? [],
		eventsComplete: init.eventsComplete ?? true,
		watching: init.watching ?? false,
		canWatch: init.canWatch ?? true,
		strings: ENGLISH,
		now: init.now ?? T0 + 250_000,
	};
}
