#!/usr/bin/env node
// Runs the compiled integration suite (out/test/integration/index.js) inside a real VS Code: code-server on
// Node 24 + Debian Chromium, offline (docs/vscode-test-host.md). Prints mocha's output, a closing line
// `N passed, N failed, N skipped`, and exits with the workbench's exit code.
//
// Environment: VELT_TEST_GREP (mocha grep), VELT_TEST_TIMEOUT_MS (whole run, default 10 min),
// VELT_SCREENSHOT_DIR (default .test-artifacts/screenshots), VELT_TEST_COUNTS_FILE (counts JSON for
// scripts/test.js), VELT_TEST_VERBOSE=1 (echo code-server and browser console), VELT_TEST_KEEP=1 (keep temp dirs),
// VELT_EXTENSION_DEV_PATH (load another extension folder instead of the repository).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { devPayload, launchBrowser, makeTempDir, startCodeServer, workbenchUrl, writeJson } = require('./codeServer');
const { startUiBridge } = require('./uiBridge');

const repoRoot = path.resolve(__dirname, '..', '..');
const verbose = process.env.VELT_TEST_VERBOSE === '1';
const timeoutMs = Number(process.env.VELT_TEST_TIMEOUT_MS) || 10 * 60 * 1000;
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line) => process.stdout.write(`[host] ${line}\n`);

/** Everything started so far, stopped in reverse order; safe to call twice. */
const cleanups = [];
async function cleanup() {
	while (cleanups.length > 0) {
		const step = cleanups.pop();
		await step().catch((e) => process.stderr.write(`[host] cleanup: ${e.message}\n`));
	}
}

function checkBuilt(extensionPath) {
	const index = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
	const missing = [index, path.join(extensionPath, 'package.json')].filter((f) => !fs.existsSync(f));
	if (extensionPath === repoRoot && !fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
		missing.push(path.join(repoRoot, 'dist', 'extension.js'));
	}
	if (missing.length > 0) {
		throw new Error(`missing ${missing.join(', ')}: run \`npm run build && npm run compile-tests\` first`);
	}
}

/** Workbench chatter that reaches the same channel as mocha's output; shown only with VELT_TEST_VERBOSE=1. */
const NOISE = [
	/^Ignoring fetching additional builtin extensions/,
	/^Updating additional builtin extensions cache/,
	/^Resolv(ing|ed) connection token/,
	/^Creating a socket \(/,
	/^\[(reconnection-grace-time|Service Worker|AgentHost:remote|AccountPolicyGate)\]/,
	/^Creation of workbench contribution '[^']+' took/,
	/^Timed out waiting for authentication provider 'github'/,
];

function relay(type, args) {
	const text = Array.isArray(args) ? util.format(...args) : util.format(args);
	if (!verbose && NOISE.some((re) => re.test(text))) {
		return;
	}
	(type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
}

/** Resolves with the workbench's exit code, or rejects on timeout or a crashed/closed page. */
async function runInBrowser(page, url) {
	let timer;
	const outcome = new Promise((resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`integration run exceeded ${timeoutMs / 1000} s`)), timeoutMs);
		void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code) || 0));
		page.on('crash', () => reject(new Error('the workbench page crashed')));
		page.on('close', () => reject(new Error('the workbench page closed before the tests finished')));
	});
	outcome.catch(() => undefined); // handled when awaited below; a timeout may fire while goto is still pending
	await page.exposeFunction('codeAutomationLog', relay);
	if (verbose) {
		page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`));
	}
	await page.goto(url);
	try {
		return await outcome;
	} finally {
		clearTimeout(timer);
	}
}

/** undefined when the suite never reached its end (load error, crash, timeout): the run then counts as one failure. */
function readCounts(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

async function startHost(root, countsFile, screenshotDir, getPage) {
	const bridge = await startUiBridge({ getPage, screenshotDir });
	cleanups.push(() => bridge.close());
	const env = { VELT_UI_BRIDGE: bridge.url, VELT_TEST_HOST_ROOT: root, VELT_SCREENSHOT_DIR: screenshotDir, VELT_TEST_COUNTS_FILE: countsFile };
	if (process.env.VELT_TEST_GREP) {
		env.VELT_TEST_GREP = process.env.VELT_TEST_GREP;
	}
	const started = Date.now();
	const server = await startCodeServer({ root, env, echo: verbose });
	cleanups.push(() => server.stop());
	log(`${server.version} listening on ${server.origin} (started in ${seconds(started)})`);
	return server;
}

/** Temp folders, the counts file and the screenshot folder for one run. */
function prepare() {
	const root = makeTempDir('velt-it-');
	if (process.env.VELT_TEST_KEEP !== '1') {
		cleanups.push(async () => {
			fs.rmSync(root, { recursive: true, force: true });
			// Chromium's helper processes may still flush their cache for a moment after an aborted run.
			await new Promise((resolve) => setTimeout(resolve, 500));
			fs.rmSync(root, { recursive: true, force: true });
		});
	}
	const countsFile = process.env.VELT_TEST_COUNTS_FILE || path.join(root, 'counts.json');
	fs.rmSync(countsFile, { force: true });
	const screenshotDir = path.resolve(repoRoot, process.env.VELT_SCREENSHOT_DIR || '.test-artifacts/screenshots');
	const workspace = path.join(root, 'workspace');
	writeJson(path.join(workspace, '.vscode', 'settings.json'), {});
	return { root, countsFile, screenshotDir, workspace };
}

/** Counts for the closing line; a failing run is never reported as all green. */
function finalCounts(countsFile, code, server) {
	const counts = readCounts(countsFile);
	if (counts === undefined && !verbose) {
		process.stderr.write(`[host] code-server log (last lines):\n${server.logs().split('\n').slice(-40).join('\n')}\n`);
	}
	const totals = counts || { passed: 0, failed: 0, pending: 0 };
	if (code !== 0 && totals.failed === 0) {
		totals.failed = 1; // the run failed outside any test (load error, crash, timeout)
	}
	writeJson(countsFile, totals);
	return totals;
}

async function main() {
	const started = Date.now();
	const extensionPath = path.resolve(process.env.VELT_EXTENSION_DEV_PATH || repoRoot);
	checkBuilt(extensionPath);
	const { root, countsFile, screenshotDir, workspace } = prepare();
	let pageReady;
	const pagePromise = new Promise((resolve) => (pageReady = resolve));
	const server = await startHost(root, countsFile, screenshotDir, () => pagePromise);
	const context = await launchBrowser(path.join(root, 'browser'));
	cleanups.push(() => context.close());
	const page = context.pages()[0] || (await context.newPage());
	pageReady(page);
	const tests = path.join(repoRoot, 'out', 'test', 'integration', 'index');
	const url = workbenchUrl(server.port, workspace, devPayload(server.port, extensionPath, tests));
	const code = await runInBrowser(page, url).catch((e) => {
		process.stderr.write(`[host] ${e.message}\n`);
		return 1;
	});
	const totals = finalCounts(countsFile, code, server);
	await cleanup();
	log(`integration run finished in ${seconds(started)} with exit code ${code}`);
	process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.pending} skipped\n`);
	return code;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		void cleanup().finally(() => process.exit(130));
	});
}

main().then(
	(code) => process.exit(code),
	async (e) => {
		process.stderr.write(`[host] ${e instanceof Error ? e.stack : String(e)}\n`);
		await cleanup();
		process.stdout.write('0 passed, 1 failed, 0 skipped\n');
		process.exit(1);
	},
);
