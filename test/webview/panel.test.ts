import assert from 'node:assert/strict';
import { largeExecution, realisticEvents, realisticExecution, ROOT_STEP } from './builders';
import type { Locator } from 'playwright-core';
import type { PanelPage } from './harness';
import { executionMessage, usePanelPages } from './setup';

function stepItem(panel: PanelPage, nodeId: string): Locator {
	return panel.page.locator(`li.step:has(> .step-head > .node-id:text-is("${nodeId}"))`);
}

describe('execution webview in Chromium: rendering and actions', function () {
	this.timeout(30_000);
	const pages = usePanelPages();

	it('posts ready on load and remembers the execution id for restore', async () => {
		const panel = await pages.open();
		assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
		assert.equal(await panel.state(), undefined);
		await panel.post(executionMessage(realisticExecution()));
		assert.deepEqual(await panel.state(), { executionId: 'exec_1777374504255_xzy43k9q' });
	});

	it('shows the header: id, status in words, definition and version, times, ids', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution({ failureReason: { code: 'blocked', message: 'A step failed' } })));
		const header = await panel.page.locator('header.execution-header').innerText();
		for (const expected of ['exec_1777374504255_xzy43k9q', 'Running', 'marketing-copy-approval', 'version 3',
			'Started', 'Duration', '4m 10s', 'corr_campaign_42', 'campaign-42-dispatch', 'blocked', 'A step failed']) {
			assert.ok(header.includes(expected), `header shows ${expected}:\n${header}`);
		}
		assert.equal(await panel.page.locator('header time').first().getAttribute('datetime'), '2026-04-28T11:08:24.364Z');
		assert.equal(await panel.page.locator('#live').textContent(), 'Execution exec_1777374504255_xzy43k9q is Running');
	});

	it('lists steps in execution order with node id, type and status visible without expanding', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution()));
		const heads = await panel.page.locator('.step-head').allInnerTexts();
		const flat = heads.map((h) => h.replace(/\s+/g, ' '));
		assert.deepEqual(flat.map((h) => h.split(' ').slice(0, 3).join(' ')), [
			'Completed agent-draft Agent',
			'Waiting human-brand Human',
			'Completed human-legal Human',
			'Failed webhook-publish Webhook',
			'Skipped notify-team Notification',
		]);
		assert.ok(flat[1]?.includes('Group: parallel-review'));
		const classes = await Promise.all((await panel.page.locator('li.step').all()).map((item) => item.getAttribute('class')));
		const depths = classes.map((c) => /depth-\d/.exec(c ?? '')?.[0]);
		assert.deepEqual(depths, ['depth-0', 'depth-1', 'depth-1', 'depth-2', 'depth-2']);
		assert.equal(await panel.page.locator('li.step details[open]').count(), 0, 'data sections start collapsed');
		const failed = await stepItem(panel, 'webhook-publish').locator('.step-error').innerText();
		assert.match(failed, /webhook-http-error\s+Upstream answered 502 Bad Gateway/);
	});

	it('highlights per node type: human counts and reviewers, agent findings and link, webhook HTTP status', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution()));
		const text = async (nodeId: string): Promise<string> =>
			(await stepItem(panel, nodeId).locator('.highlights').innerText()).replace(/\s+/g, ' ');
		assert.equal(
			await text('human-legal'),
			'Decision approve Approvals 1 Rejections 0 Mandatory approvals 1 / 1 Reviewers u_legal_01 mandatory Comment Looks fine to legal.',
		);
		assert.equal(await text('human-brand'), 'Reviewers u_brand_01 mandatory u_brand_02');
		const agent = await text('agent-draft');
		for (const expected of ['Agent status passed', 'Summary Three style issues.', 'Findings 3', 'Severity high 1, low 2',
			'Resolved URL https://app.acme.test/assets/8f3', 'Agent duration 1m 55s']) {
			assert.ok(agent.includes(expected), `${expected} in ${agent}`);
		}
		assert.equal(await text('webhook-publish'), 'HTTP status 502');
		await panel.page.getByRole('button', { name: 'https://app.acme.test/assets/8f3' }).click();
		assert.deepEqual((await panel.posted()).at(-1), { type: 'openExternal', url: 'https://app.acme.test/assets/8f3' });
		assert.equal(await panel.page.locator('a[href]').count(), 0, 'links are buttons that ask the host');
	});

	it('shows output, metadata and unknown fields as trees when expanded', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution()));
		const agent = stepItem(panel, 'agent-draft');
		await agent.locator('summary', { hasText: 'Metadata' }).click();
		assert.match(await agent.locator('.step-metadata').innerText(), /organizationId:\s*org_acme[\s\S]*documentId:\s*doc_42/);
		await agent.locator('summary', { hasText: 'Output' }).click();
		const output = (await agent.locator('.step-output').innerText()).replace(/\s+/g, ' ');
		assert.ok(output.includes('agentResultsSummary 3 keys'), output);
		assert.ok(output.includes('severityCounts 2 keys high: 1 low: 2'), output);
		const legal = stepItem(panel, 'human-legal');
		await legal.locator('summary', { hasText: 'Other fields' }).click();
		assert.match(await legal.locator('.step-extra').innerText(), /attempts:\s*2/);
	});

	it('shows the event timeline oldest first with seq gaps, step names and lazy data', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution(), { events: realisticEvents(), eventsComplete: false }));
		assert.deepEqual(await panel.page.locator('.event .seq').allInnerTexts(), ['#1', '#4', '#7', '#8', '#12']);
		assert.equal(await panel.page.locator('#events-heading').innerText(), 'Events (5)');
		const failedEvent = panel.page.locator('.event[data-seq="12"]');
		assert.match(await failedEvent.locator('.event-head').innerText(), /step\.failed\s+webhook-publish/);
		assert.equal(await failedEvent.locator('.kv').count(), 0, 'data is built only when opened');
		await failedEvent.locator('summary').click();
		assert.match(await failedEvent.innerText(), /httpStatus:\s*502/);
		await panel.page.getByRole('button', { name: 'Load more events' }).click();
		assert.deepEqual((await panel.posted()).at(-1), { type: 'loadMoreEvents' });
		const newer = { ...realisticEvents()[4]!, seq: 15, eventId: 'evt_15', type: 'execution.failed', stepId: null, data: null };
		await panel.post({ type: 'events', events: [realisticEvents()[4]!, newer], complete: true });
		assert.deepEqual(await panel.page.locator('.event .seq').allInnerTexts(), ['#1', '#4', '#7', '#8', '#12', '#15']);
		assert.equal(await panel.page.getByRole('button', { name: 'Load more events' }).count(), 0);
	});

	it('posts the toolbar actions, toggles watch, and hides cancel/watch once terminal', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution()));
		for (const [name, type] of [['Refresh', 'refresh'], ['Copy JSON', 'copyJson'], ['Copy ID', 'copyId'],
			['Watch', 'watch'], ['Cancel Execution', 'cancel']] as const) {
			await panel.page.getByRole('button', { name, exact: true }).click();
			assert.deepEqual((await panel.posted()).at(-1), { type }, name);
		}
		await panel.post({ type: 'watching', watching: true });
		const unwatch = panel.page.getByRole('button', { name: 'Stop Watching' });
		assert.equal(await unwatch.getAttribute('aria-pressed'), 'true');
		await unwatch.click();
		assert.deepEqual((await panel.posted()).at(-1), { type: 'unwatch' });
		await panel.post(executionMessage(realisticExecution({ status: 'completed', completedAt: 1_777_374_800_000 })));
		assert.equal(await panel.page.getByRole('button', { name: 'Cancel Execution' }).count(), 0);
		assert.equal(await panel.page.getByRole('button', { name: 'Watch', exact: true }).count(), 0);
		assert.match(await panel.page.locator('header').innerText(), /Completed[\s\S]*Completed[\s\S]*4m 55s/);
		await panel.post(executionMessage(realisticExecution(), { canWatch: false }));
		assert.equal(await panel.page.getByRole('button', { name: 'Watch', exact: true }).count(), 0, 'no watch service, no button');
		assert.equal(await panel.page.getByRole('button', { name: 'Cancel Execution' }).count(), 1);
	});

	it('is keyboard navigable: tab reaches the toolbar, Enter opens a section, focus survives a refresh', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(realisticExecution()));
		await panel.page.keyboard.press('Tab');
		assert.equal(await panel.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent), 'Refresh');
		const summary = panel.page.locator(`details[data-key="step:${ROOT_STEP}:output"] > summary`);
		await summary.focus();
		await panel.page.keyboard.press('Enter');
		assert.equal(await panel.page.locator(`details[data-key="step:${ROOT_STEP}:output"]`).getAttribute('open'), '');
		await panel.post(executionMessage(realisticExecution({ status: 'completed' })));
		assert.equal(await panel.page.locator(`details[data-key="step:${ROOT_STEP}:output"]`).getAttribute('open'), '', 'stays open');
		assert.equal(await summary.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true);
	});

	it('Show failure: scrolls to and focuses the first failed step, also when asked before the data arrived', async () => {
		const panel = await pages.open();
		await panel.post({ type: 'revealFailure' });
		const execution = largeExecution();
		const firstFailed = execution.steps.find((step) => step.status === 'failed' && step.nodeId !== 'node-0');
		const steps = execution.steps.map((step) => (step.nodeId === 'node-0' ? { ...step, status: 'completed', error: null } : step));
		await panel.post(executionMessage({ ...execution, steps }));
		const focused = (): Promise<string | null> =>
			panel.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('data-step-id'));
		assert.equal(await focused(), firstFailed?.stepId);
		assert.equal(await panel.page.locator(`li.step.revealed`).count(), 1);
		assert.ok(await panel.page.locator(`li.step.revealed`).isVisible());
		const box = await panel.page.locator('li.step.revealed').boundingBox();
		assert.ok(box !== null && box.y < (panel.page.viewportSize()?.height ?? 0), 'the failed step is not in view');
	});
});
