// A loopback HTTP server through which integration tests (running in the extension host, which cannot see the
// browser) ask the runner's Playwright page what the user sees. POST /<op> with a JSON body; the answer is
// `{ ok: true, value }` or `{ ok: false, error }`. Client: test/integration/helpers/ui.ts.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const DEFAULT_TIMEOUT_MS = 5000;
const POLL_MS = 150;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Visible matches of `text` in one frame, ignoring the off-screen screen-reader alert region. */
async function frameHasText(frame, text, exact) {
	try {
		const matches = frame.getByText(text, { exact }).filter({ visible: true });
		return await matches.evaluateAll((els) => els.some((el) => el.closest('.monaco-aria-container') === null));
	} catch {
		return false; // a webview frame detached while we looked
	}
}

async function textVisible(page, { text, exact = false, timeoutMs = DEFAULT_TIMEOUT_MS }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		for (const frame of page.frames()) {
			if (await frameHasText(frame, text, exact)) {
				return true;
			}
		}
		if (Date.now() >= deadline) {
			return false;
		}
		await sleep(POLL_MS);
	}
}

async function treeRows(page, { viewName = 'Executions', containerId = 'workbench.view.extension.veltWorkflows' }) {
	return page.evaluate(
		({ viewName, containerId }) => {
			const selector = `[role="tree"][aria-label="${CSS.escape(viewName)}"]`;
			const container = document.getElementById(containerId);
			const tree = (container && container.querySelector(selector)) || document.querySelector(selector);
			if (!tree) {
				throw new Error(`no rendered tree "${viewName}" (is the view open?)`);
			}
			const text = (row, cls) => {
				const el = row.querySelector(cls);
				return el ? el.textContent : '';
			};
			return [...tree.querySelectorAll('.monaco-list-row')]
				.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
				.map((row) => ({
					label: text(row, '.label-name'),
					description: text(row, '.label-description'),
					ariaLabel: row.getAttribute('aria-label') || '',
					level: Number(row.getAttribute('aria-level') || '1'),
					expanded: row.hasAttribute('aria-expanded') ? row.getAttribute('aria-expanded') === 'true' : undefined,
					selected: row.getAttribute('aria-selected') === 'true',
				}));
		},
		{ viewName, containerId },
	);
}

/**
 * The smoke-test driver (needed for the payload channel) disables toasts, so notifications are read from the
 * notification center, which is opened for the look and closed again if it was closed.
 */
async function notifications(page) {
	const center = page.locator('.notifications-center');
	const wasOpen = (await center.count()) > 0 && (await center.first().isVisible());
	const bell = page.locator('[id="status.notifications"] a');
	if (!wasOpen) {
		await bell.click({ timeout: DEFAULT_TIMEOUT_MS });
		await center.first().waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
	}
	const texts = await center.first().locator('.notification-list-item-message').allInnerTexts();
	if (!wasOpen) {
		await bell.click({ timeout: DEFAULT_TIMEOUT_MS });
	}
	return texts.map((t) => t.trim());
}

function isSelector(target) {
	return /^[.#[]/.test(target) || target.startsWith('css=');
}

async function findClickable(page, target) {
	for (const frame of page.frames()) {
		const candidates = isSelector(target)
			? [frame.locator(target.replace(/^css=/, ''))]
			: [frame.getByText(target, { exact: true }), frame.getByText(target)];
		for (const locator of candidates) {
			const visible = locator.filter({ visible: true });
			try {
				if ((await visible.count()) > 0) {
					return visible.first();
				}
			} catch {
				// frame detached
			}
		}
	}
	return undefined;
}

async function click(page, { target, timeoutMs = DEFAULT_TIMEOUT_MS }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await findClickable(page, target);
		if (found) {
			await found.click({ timeout: Math.max(1000, deadline - Date.now()) });
			return true;
		}
		if (Date.now() >= deadline) {
			throw new Error(`nothing visible to click for ${JSON.stringify(target)} within ${timeoutMs} ms`);
		}
		await sleep(POLL_MS);
	}
}

async function screenshot(page, { name }, screenshotDir) {
	const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.png$/i, '');
	const file = path.join(screenshotDir, `${safe || 'screenshot'}.png`);
	fs.mkdirSync(screenshotDir, { recursive: true });
	await page.screenshot({ path: file, timeout: 15000 });
	return file;
}

/**
 * Opens `url` in a second tab of the same browser profile and closes it once loaded, as a user opening a
 * link would (e.g. a code-server `/callback` URL that hands a `vscode://` link to the workbench). Loopback only.
 */
async function openUrl(page, { url, timeoutMs = DEFAULT_TIMEOUT_MS }) {
	const host = new URL(url).hostname;
	if (host !== 'localhost' && host !== '127.0.0.1') {
		throw new Error(`openUrl: not a loopback URL: ${url}`);
	}
	const tab = await page.context().newPage();
	try {
		await tab.goto(url, { timeout: timeoutMs });
		await tab.waitForLoadState('load', { timeout: timeoutMs });
	} finally {
		await tab.close();
	}
	return true;
}

const OPS = { textVisible, treeRows, notifications, click, screenshot, openUrl };

function withTimeout(promise, ms, op) {
	let timer;
	const limit = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`ui bridge: ${op} timed out after ${ms} ms`)), ms);
	});
	return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			try {
				resolve(body ? JSON.parse(body) : {});
			} catch (e) {
				reject(e);
			}
		});
		req.on('error', reject);
	});
}

async function handle(req, getPage, screenshotDir) {
	const op = (req.url || '').replace(/^\//, '');
	if (req.method !== 'POST' || !Object.hasOwn(OPS, op)) {
		throw new Error(`unknown ui bridge request ${req.method} ${req.url}`);
	}
	const args = await readBody(req);
	const page = await withTimeout(getPage(), 60000, 'waiting for the workbench page');
	const budget = (typeof args.timeoutMs === 'number' ? args.timeoutMs : DEFAULT_TIMEOUT_MS) + 20000;
	return withTimeout(OPS[op](page, args, screenshotDir), budget, op);
}

/** Starts the bridge on 127.0.0.1; `getPage()` resolves to the workbench page once it exists. */
function startUiBridge({ getPage, screenshotDir }) {
	const server = http.createServer((req, res) => {
		handle(req, getPage, screenshotDir).then(
			(value) => send(res, 200, { ok: true, value }),
			(e) => send(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) }),
		);
	});
	return new Promise((resolve, reject) => {
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const url = `http://127.0.0.1:${server.address().port}`;
			const close = () => new Promise((done) => {
				server.close(() => done());
				server.closeAllConnections();
			});
			resolve({ url, close });
		});
	});
}

function send(res, status, body) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body === undefined ? null : body));
}

module.exports = { startUiBridge };
