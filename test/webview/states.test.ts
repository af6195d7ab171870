import assert from 'node:assert/strict';
import { largeExecution, realisticExecution, T0 } from './builders';
import type { PageWindow } from './pageTypes';
import { executionMessage, usePanelPages } from './setup';
import { ENGLISH } from './strings';

const MARKER = 'BIG-VALUE-MARKER';

describe('execution webview in Chromium: size, states, time and theme', function () {
	this.timeout(30_000);
	const pages = usePanelPages();

	it('renders 300 steps with a 1 MB output collapsed until expanded, and long lists in slices', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(largeExecution(MARKER)));
		const page = panel.page;
		assert.equal(await page.locator('li.step').count(), 300);
		assert.equal(await page.locator('.step-head .node-id').count(), 300, 'every node id visible');
		const bodyText = (): Promise<string> => page.evaluate(() => (globalThis as unknown as PageWindow).document.body.textContent ?? '');
		assert.ok(!(await bodyText()).includes(MARKER), 'the big value is not in the DOM before it is asked for');
		const step = page.locator('li.step[data-step-id^="step_node-150_"]');
		const output = step.locator('details.step-output');
		assert.match(await output.locator('summary').innerText(), /^Output 3 keys · 1\.\d MB$/);
		await output.locator('summary').click();
		const text = output.locator(':scope > .kv-children > details').first();
		assert.match(await text.locator('summary').innerText(), /^responseText \d{3}\.\d KB, expand to show$/);
		assert.ok(!(await bodyText()).includes(MARKER), 'opening the output still keeps the long string collapsed');
		await text.locator('summary').click();
		assert.ok((await bodyText()).includes(MARKER));
		const json = output.locator('details[data-key$="/responseJson"]');
		await json.locator(':scope > summary').click();
		const rows = json.locator('details[data-key$="/responseJson/rows"]');
		assert.match(await rows.locator(':scope > summary').innerText(), /^rows 2000 items · \d{3}\.\d KB$/);
		await rows.locator(':scope > summary').click();
		const children = rows.locator(':scope > .kv-children > details');
		assert.equal(await children.count(), 100);
		await rows.getByRole('button', { name: 'Show 100 more' }).click();
		assert.equal(await children.count(), 200);
	});

	it('shows loading, then a full-panel error with Retry and Sign In, then the execution', async () => {
		const panel = await pages.open();
		await panel.post({ type: 'loading', strings: ENGLISH });
		assert.equal(await panel.page.locator('#root').innerText(), 'Loading execution…');
		assert.equal(await panel.page.locator('#root').getAttribute('aria-busy'), 'true');
		await panel.post({ type: 'error', message: 'Sign in to Velt to see this execution.', kind: 'auth', strings: ENGLISH });
		assert.match(await panel.page.locator('.error-view').innerText(), /Something went wrong\s+Sign in to Velt/);
		assert.equal(await panel.page.locator('[role=alert]').count(), 1);
		await panel.page.getByRole('button', { name: 'Sign In' }).click();
		await panel.page.getByRole('button', { name: 'Retry' }).click();
		assert.deepEqual((await panel.posted()).slice(1), [{ type: 'signIn' }, { type: 'refresh' }]);
		await panel.post({ type: 'error', message: 'Execution x was not found.', kind: 'notFound', strings: ENGLISH });
		assert.equal(await panel.page.getByRole('button', { name: 'Sign In' }).count(), 0, 'Sign In only for credential errors');
		await panel.post(executionMessage(realisticExecution()));
		assert.equal(await panel.page.locator('.error-view').count(), 0);
		assert.equal(await panel.page.locator('#root').getAttribute('aria-busy'), null);
	});

	it('keeps a loaded execution visible while refreshing and under an error banner', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution()));
		await panel.post({ type: 'loading', strings: ENGLISH });
		assert.equal(await panel.page.locator('li.step').count(), 5);
		assert.equal(await panel.page.locator('#root').getAttribute('class'), 'is-busy');
		await panel.post({ type: 'error', message: 'Could not reach the Velt API: timeout', kind: 'timeout', strings: ENGLISH });
		assert.equal(await panel.page.locator('li.step').count(), 5);
		assert.match(await panel.page.locator('.banner').innerText(), /Could not reach the Velt API: timeout/);
		assert.equal(await panel.page.locator('#root').getAttribute('class'), '');
		await panel.page.getByRole('button', { name: 'Dismiss' }).click();
		assert.equal(await panel.page.locator('.banner').count(), 0);
		assert.equal(await panel.page.locator('li.step').count(), 5);
	});

	it('ticks the duration of a running execution and its waiting step locally, and stops at a terminal status', async () => {
		const now = T0 + 120_000;
		const panel = await pages.open({ beforeLoad: (page) => page.clock.install({ time: now }) });
		await panel.post(executionMessage(realisticExecution(), { now }));
		const duration = panel.page.locator('header .fields .duration');
		const waiting = panel.page.locator('li.step[data-step-id$="__to__human-brand"] .duration');
		assert.deepEqual([await duration.innerText(), await waiting.innerText()], ['2m 00s', '4s']);
		await panel.page.clock.runFor(5_000);
		assert.deepEqual([await duration.innerText(), await waiting.innerText()], ['2m 05s', '9s']);
		await panel.post(executionMessage(realisticExecution({ status: 'completed', completedAt: T0 + 150_000 }), { now }));
		await panel.page.clock.runFor(5_000);
		assert.equal(await duration.innerText(), '2m 30s');
		assert.equal(await waiting.count(), 0, 'no live duration once the execution is terminal');
	});

	it('follows theme variables live and draws high-contrast borders', async () => {
		const panel = await pages.open({
			themeClass: 'vscode-high-contrast',
			themeVariables: { '--vscode-contrastBorder': 'rgb(255, 0, 0)', '--vscode-foreground': 'rgb(1, 2, 3)' },
		});
		await panel.post(executionMessage(realisticExecution()));
		type Styled = { getComputedStyle(e: unknown): { borderTopColor: string; color: string } };
		const step = panel.page.locator('li.step').first();
		assert.equal(await step.evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).borderTopColor), 'rgb(255, 0, 0)');
		const bodyColor = (): Promise<string> =>
			panel.page.locator('body').evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).color);
		assert.equal(await bodyColor(), 'rgb(1, 2, 3)');
		await panel.page.evaluate(() =>
			(globalThis as unknown as PageWindow).document.documentElement.style.setProperty('--vscode-foreground', 'rgb(4, 5, 6)'),
		);
		assert.equal(await bodyColor(), 'rgb(4, 5, 6)');
	});
});
