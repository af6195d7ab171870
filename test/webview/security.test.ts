import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { HOSTILE, hostileEvents, hostileExecution, realisticExecution } from './builders';
import type { PageWindow } from './pageTypes';
import { executionMessage, usePanelPages } from './setup';
import { ENGLISH } from './strings';

/** Opens every collapsed section, level by level (bodies are built lazily on open), and "show more" slices. */
async function expandEverything(page: Page): Promise<void> {
	const rounds = await page.evaluate(async () => {
		const d = (globalThis as unknown as PageWindow).document;
		for (let round = 0; round < 50; round++) {
			const closed = Array.from(d.querySelectorAll('details:not([open]) > summary'));
			const more = Array.from(d.querySelectorAll('button.show-more'));
			if (closed.length === 0 && more.length === 0) {
				return round;
			}
			[...closed, ...more].forEach((element) => element.click());
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		return -1;
	});
	assert.ok(rounds > 0, `expanded in ${rounds} rounds`);
}

async function domCensus(page: Page): Promise<{ active: number; scripts: number; anchors: number; pwned: unknown; text: string }> {
	return page.evaluate(() => {
		const w = globalThis as unknown as PageWindow;
		return {
			active: w.document.querySelectorAll('img, svg, iframe, object, embed, video, audio, form, link:not([rel=stylesheet]), style, base, meta[http-equiv=refresh]').length,
			scripts: w.document.querySelectorAll('script').length,
			// <html> carries the theme variables the stub sets, as VS Code does; nothing in <body> may have a style.
			anchors: w.document.body.querySelectorAll('a[href], [onerror], [onload], [onclick], [style]').length,
			pwned: w.__pwned,
			text: w.document.body.textContent ?? '',
		};
	});
}

describe('execution webview in Chromium: hostile data and CSP', function () {
	this.timeout(30_000);
	const pages = usePanelPages();

	it('serves the shell with a nonce-based CSP and exactly one (nonced) script', async () => {
		const panel = await pages.open();
		const csp = await panel.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
		assert.ok(csp !== null);
		assert.match(csp, /default-src 'none'/);
		assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{24}'/);
		assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.)/);
		const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
		const scripts = await panel.page.locator('script').all();
		assert.equal(scripts.length, 1);
		assert.equal(await scripts[0]!.evaluate((s) => (s as unknown as { nonce: string }).nonce), nonce);
	});

	it('blocks what the CSP forbids (the harness would see an injected inline script fail)', async () => {
		const panel = await pages.open();
		const ran = await panel.page.evaluate(() => {
			const w = globalThis as unknown as PageWindow & { document: { createElement(t: string): { textContent: string } }; __inline?: boolean };
			const d = w.document as unknown as { createElement(t: string): { textContent: string }; body: { appendChild(n: unknown): void } };
			const script = d.createElement('script');
			script.textContent = 'window.__inline = true';
			d.body.appendChild(script);
			return w.__inline === true;
		});
		assert.equal(ran, false, 'an inline script without the nonce must not run');
		const violations = await panel.cspViolations();
		assert.equal(violations.length, 1);
		assert.match(violations[0]!.directive, /^script-src/);
		await panel.page.evaluate(() => void ((globalThis as unknown as PageWindow).__violations.length = 0));
	});

	it('renders hostile ids, statuses, outputs, metadata, errors and event data as literal text only', async () => {
		const panel = await pages.open();
		await panel.post(executionMessage(hostileExecution(), { events: hostileEvents(), eventsComplete: false, watching: true }));
		await expandEverything(panel.page);
		const census = await domCensus(panel.page);
		assert.equal(census.active, 0, 'no element came from API data');
		assert.equal(census.scripts, 1, 'only the shell script');
		assert.equal(census.anchors, 0, 'no links, inline handlers or inline styles');
		assert.equal(census.pwned, undefined);
		for (const [name, value] of Object.entries(HOSTILE)) {
			assert.ok(census.text.includes(value), `${name} appears literally`);
		}
		assert.ok(census.text.includes(JSON.stringify(HOSTILE.img)), 'the raw JSON shows the escaped-in-JSON text too');
		assert.equal(await panel.page.locator('button.link').count(), 0, 'a javascript: URL never becomes a link');
		assert.equal(await panel.page.locator('.execution-id').innerText(), HOSTILE.rtl);
		assert.deepEqual(await panel.state(), { executionId: HOSTILE.rtl });
	});

	it('renders hostile error messages as text with working actions', async () => {
		const panel = await pages.open();
		await panel.post({ type: 'error', message: HOSTILE.img + HOSTILE.script, kind: 'auth', strings: ENGLISH });
		assert.equal(await panel.page.locator('.error-view bdi').innerText(), HOSTILE.img + HOSTILE.script);
		await panel.post(executionMessage(realisticExecution()));
		await panel.post({ type: 'error', message: HOSTILE.svg, kind: 'server', strings: ENGLISH });
		assert.equal(await panel.page.locator('.banner bdi').innerText(), HOSTILE.svg);
		const census = await domCensus(panel.page);
		assert.deepEqual([census.active, census.scripts, census.pwned], [0, 1, undefined]);
	});

	it('ignores messages that are not host messages', async () => {
		const panel = await pages.open();
		for (const junk of [null, 42, 'execution', [], {}, { type: 7 }, { type: 'unknown', html: HOSTILE.img }]) {
			await panel.post(junk as never);
		}
		assert.equal(await panel.page.locator('#root').innerText(), '');
		assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
	});
});
