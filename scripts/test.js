#!/usr/bin/env node
// The one test command. `node scripts/test.js` runs every step in order and stops at the first failure;
// `node scripts/test.js <step>...` runs those steps plus their build prerequisites. Arguments that are not step
// names go to mocha (unit, webview); `--grep <pattern>` also filters the integration suite. Always ends with a
// summary whose last line is exactly `N passed, N failed, N skipped`: the tests of unit + webview + integration,
// plus one failure for a step that failed without a failing test (typecheck, lint, build, a crash, a leak).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const STEPS = ['typecheck', 'lint', 'build', 'compile', 'unit', 'webview', 'integration'];
const PREREQUISITES = { unit: ['compile'], webview: ['build', 'compile'], integration: ['build', 'compile'] };
/** After mocha has reported its end, a process still alive this long later is held open by a leaked handle. */
const EXIT_GRACE_MS = 10000;
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

function run(command, args, { env = {}, countsFile } = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
		let leakTimer;
		const watch = countsFile && setInterval(() => {
			if (!leakTimer && fs.existsSync(countsFile)) {
				leakTimer = setTimeout(() => {
					console.error(`\n[test] tests finished but the process did not exit within ${EXIT_GRACE_MS / 1000} s:` +
						' a timer, server or socket was not closed (leak). Killing it.');
					child.kill('SIGKILL');
				}, EXIT_GRACE_MS);
			}
		}, 500);
		child.on('close', (code, signal) => {
			clearInterval(watch);
			clearTimeout(leakTimer);
			resolve(code === 0 && signal === null);
		});
		child.on('error', (e) => {
			console.error(`[test] cannot start ${command}: ${e.message}`);
			resolve(false);
		});
	});
}

function findTests(dir) {
	if (!fs.existsSync(dir)) {
		return [];
	}
	return fs.readdirSync(dir, { recursive: true })
		.filter((rel) => String(rel).endsWith('.test.js'))
		.map((rel) => path.join(dir, String(rel)))
		.sort();
}

/** tsc never deletes outputs: drop compiled files whose TypeScript source is gone, so stale tests cannot run. */
function pruneStaleOutputs() {
	for (const top of ['src', 'test', 'bench', 'scripts']) {
		const dir = path.join(root, 'out', top);
		const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
		for (const rel of files.filter((f) => /\.js(\.map)?$/.test(f))) {
			const source = path.join(root, top, rel.replace(/\.js(\.map)?$/, '.ts'));
			if (!fs.existsSync(source)) {
				fs.rmSync(path.join(dir, rel), { force: true });
			}
		}
	}
}

function readCounts(file) {
	try {
		const { passed = 0, failed = 0, pending = 0 } = JSON.parse(fs.readFileSync(file, 'utf8'));
		return { passed, failed, pending };
	} catch {
		return undefined;
	}
}

async function mochaStep(dir, extraArgs, countsFile) {
	const files = findTests(path.join(root, 'out', 'test', dir));
	if (files.length === 0) {
		console.log(`[test] no test files in out/test/${dir}: nothing to run`);
		return { ok: true, counts: { passed: 0, failed: 0, pending: 0 } };
	}
	const args = [bin('mocha', 'bin/mocha.js'), '--ui', path.join(root, 'test', 'mocha-ui.js'),
		'--reporter', path.join(root, 'test', 'mocha-counts.js'), '--timeout', '20000', ...extraArgs, ...files];
	const ok = await run(process.execPath, args, { env: { VELT_TEST_COUNTS_FILE: countsFile }, countsFile });
	return { ok, counts: readCounts(countsFile) };
}

function grepOf(extraArgs) {
	const i = extraArgs.findIndex((a) => a === '--grep' || a === '-g');
	return i >= 0 ? extraArgs[i + 1] : undefined;
}

async function integrationStep(extraArgs, countsFile) {
	const grep = grepOf(extraArgs);
	const env = { VELT_TEST_COUNTS_FILE: countsFile, ...(grep ? { VELT_TEST_GREP: grep } : {}) };
	const ok = await run(process.execPath, [path.join(root, 'test', 'host', 'run.js')], { env });
	return { ok, counts: readCounts(countsFile) };
}

/** Per-invocation scratch folder for the counts files, removed on exit. */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'velt-test-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

async function runStep(name, extraArgs) {
	const countsFile = path.join(scratch, `${name}-counts.json`);
	switch (name) {
		case 'typecheck':
			return { ok: await run('npm', ['run', 'typecheck']) };
		case 'lint':
			return { ok: await run(process.execPath, [bin('eslint', 'bin/eslint.js')]) };
		case 'build':
			return { ok: await run(process.execPath, ['esbuild.js']) };
		case 'compile': {
			const ok = await run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.test.json']);
			pruneStaleOutputs();
			return { ok };
		}
		case 'unit':
		case 'webview':
			return mochaStep(name, extraArgs, countsFile);
		case 'integration':
			return integrationStep(extraArgs, countsFile);
		default:
			throw new Error(`unknown step ${name}`);
	}
}

function plan(argv) {
	const requested = argv.filter((a) => STEPS.includes(a));
	const extraArgs = argv.filter((a) => !STEPS.includes(a));
	if (requested.length === 0) {
		return { steps: STEPS, extraArgs };
	}
	const wanted = new Set(requested.flatMap((s) => [...(PREREQUISITES[s] || []), s]));
	return { steps: STEPS.filter((s) => wanted.has(s)), extraArgs };
}

function summarize(steps, results) {
	const totals = { passed: 0, failed: 0, pending: 0 };
	console.log('\n── summary ──');
	for (const step of steps) {
		const r = results.get(step);
		const status = !r ? 'not run' : r.ok ? 'ok' : 'FAILED';
		const time = r ? `${(r.ms / 1000).toFixed(1)} s` : '';
		const c = (r && r.counts) || { passed: 0, failed: 0, pending: 0 };
		// A step that failed without a failing test (typecheck, lint, build, a crash, a leak) counts as one failure.
		const stepFailure = r && !r.ok && c.failed === 0 ? 1 : 0;
		totals.passed += c.passed;
		totals.failed += c.failed + stepFailure;
		totals.pending += c.pending;
		const detail = r && r.counts ? `${c.passed} passed, ${c.failed} failed, ${c.pending} skipped` : '';
		console.log(`${step.padEnd(12)} ${status.padEnd(8)} ${time.padStart(8)}  ${detail}`.trimEnd());
	}
	console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.pending} skipped`);
}

async function main() {
	const { steps, extraArgs } = plan(process.argv.slice(2));
	const results = new Map();
	let ok = true;
	for (const step of steps) {
		console.log(`\n── ${step} ──`);
		const started = Date.now();
		const result = await runStep(step, extraArgs);
		results.set(step, { ...result, ms: Date.now() - started });
		if (!result.ok) {
			ok = false;
			break;
		}
	}
	summarize(steps, results);
	return ok ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(e);
		console.log('0 passed, 1 failed, 0 skipped');
		process.exit(1);
	},
);
