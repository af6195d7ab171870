/**
 * Faults mid-paging in the real VS Code host, for what only the host shows: the row in the group (never a
 * modal or a notification storm), rows kept and shown once, the automatic retry or Retry completing the
 * group, the extension's log file naming each fault, and no credential in any host file. The 503 case is in
 * tree.test.ts and the plain prompt-on-revocation case in auth.test.ts; every fault runs at unit level in
 * test/unit/reliability/ (see RELIABILITY.md).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../sim/api';
import type { Simulator } from '../sim/api';
import { startSimulator } from '../sim/simulator';
import { connectToSimulator, disconnect, signIn, veltConfig } from './helpers/session';
import { stubWindow } from './helpers/stubs';
import type { WindowStubs } from './helpers/stubs';
import { expandGroup, groupRow, rowsOf } from './helpers/tree';
import { click, screenshot, textVisible, treeRows, uiBridgeAvailable } from './helpers/ui';
import type { TreeRow } from './helpers/ui';
import { waitFor } from './helpers/wait';

const SETTINGS = { pageSize: 4, pollIntervalSeconds: 0, requestTimeoutSeconds: 2 };
const COUNTS = { pending: 2, running: 7, completed: 13, failed: 11, cancelled: 9 };

const idsOf = (rows: readonly TreeRow[]): string[] => rows.flatMap((r) => /exec_[a-z0-9_]+/.exec(r.ariaLabel)?.[0] ?? []);
const labelOf = { completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled', running: 'Running' } as const;
type Group = keyof typeof labelOf;

/** The extension's LogOutputChannel file(s) under the host's user data; undefined outside the code-server host. */
function extensionLog(): string | undefined {
	const root = process.env.VELT_TEST_HOST_ROOT;
	if (!root) {
		return undefined;
	}
	return fs
		.readdirSync(root, { recursive: true })
		.map(String)
		.filter((rel) => path.basename(rel).includes('Velt Workflows') && rel.endsWith('.log'))
		.map((rel) => fs.readFileSync(path.join(root, rel), 'utf8'))
		.join('\n');
}

async function logNames(fault: RegExp): Promise<void> {
	if (extensionLog() !== undefined) {
		await waitFor(() => fault.test(extensionLog() ?? ''), { message: `the log names the fault (${fault.source})` });
	}
}

async function settled(group: Group, expected: (rows: TreeRow[]) => boolean, message: string): Promise<TreeRow[]> {
	let last: TreeRow[] = [];
	return waitFor(async () => {
		last = await rowsOf(labelOf[group]);
		return expected(last) ? last : undefined;
	}, { message }).catch((error: unknown) => {
		throw new Error(`${String(error)}; rows: ${JSON.stringify(last.map((r) => r.label))}`);
	});
}

const hasLoadMore = (rows: TreeRow[]): boolean => rows.at(-1)?.label === 'Load more…';
const errorRow = (rows: TreeRow[]): TreeRow | undefined => rows.find((r) => r.label.startsWith('Could not load') || r.label.startsWith('Sign in again'));

async function collapse(group: Group): Promise<void> {
	if (groupRow(await treeRows(), labelOf[group])?.expanded === true) {
		await click(`css=[role="tree"][aria-label="Executions"] .monaco-list-row[aria-level="1"][aria-label^="${labelOf[group]}"]`);
	}
}

/** Expands the group and loads two pages; returns the ids shown. */
async function twoPages(group: Group): Promise<string[]> {
	await expandGroup(labelOf[group]);
	await settled(group, hasLoadMore, `${group}: first page`);
	await vscode.commands.executeCommand('veltWorkflows.loadMore', group);
	return idsOf(await settled(group, (r) => idsOf(r).length > 4 && hasLoadMore(r), `${group}: two pages`));
}

/** Loads the rest and checks the group holds every execution of the simulator once, in API order. */
async function completes(sim: Simulator, group: Group): Promise<void> {
	const all = sim.executionIds(group).length;
	const done = (r: TreeRow[]): boolean => idsOf(r).length === all && !hasLoadMore(r);
	for (let i = 0; i < 6 && !done(await settled(group, (r) => hasLoadMore(r) || done(r), `${group}: Load more… or the end`)); i++) {
		await vscode.commands.executeCommand('veltWorkflows.loadMore', group);
	}
	const rows = await settled(group, done, `${group}: every row`);
	assert.deepEqual(idsOf(rows), sim.executionIds(group), 'each row once, in order');
	assert.equal(errorRow(rows), undefined);
	await collapse(group);
}

describe('reliability: faults mid-paging in the real host', function () {
	let sim: Simulator;
	let other: Simulator;
	let stubs: WindowStubs;

	before(async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		// Credentials for a second base URL first, so switching to it mid-request finds them stored.
		other = await startSimulator({ seed: 23, counts: COUNTS });
		await veltConfig().update('apiBaseUrl', other.url, vscode.ConfigurationTarget.Global);
		await signIn();
		sim = await connectToSimulator({ seed: 17, counts: COUNTS }, SETTINGS);
	});

	beforeEach(() => {
		stubs = stubWindow();
	});
	afterEach(() => stubs.restore());

	after(async () => {
		await disconnect(other, SETTINGS);
		await veltConfig().update('apiBaseUrl', sim?.url, vscode.ConfigurationTarget.Global);
		await disconnect(sim, SETTINGS);
	});

	it('429 with Retry-After mid-paging: waited out and retried by itself, no error row, nothing shown, the log names it', async () => {
		const loaded = await twoPages('completed');
		sim.inject({ kind: 'http', status: 429, retryAfter: '1', path: 'executions/list', match: { status: 'completed' } });
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'completed');
		const rows = await settled('completed', (r) => idsOf(r).length > loaded.length, 'the page after the wait');
		assert.deepEqual(idsOf(rows).slice(0, loaded.length), loaded, 'loaded rows kept');
		assert.equal(errorRow(rows), undefined);
		await logNames(/executions\/list failed \(rateLimited, HTTP 429\); retry 1 of 3 in 1000 ms \(Retry-After\): RESOURCE_EXHAUSTED/);
		await completes(sim, 'completed');
		assert.deepEqual(stubs.messages, [], 'a notification or modal was shown');
	});

	it('a hanging request hits requestTimeoutSeconds and is retried; an enormous (40 MB) page is refused in the group; Retry completes', async () => {
		const loaded = await twoPages('failed');
		sim.inject({ kind: 'hang', path: 'executions/list', match: { status: 'failed' } });
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'failed');
		const more = idsOf(await settled('failed', (r) => idsOf(r).length > loaded.length, 'the page after the timeout'));
		await logNames(/executions\/list failed \(timeout\); retry 1 of 3 in \d+ ms: The Velt API did not answer within 2 s/);
		sim.inject({ kind: 'hugeBody', bytes: 40_000_000, path: 'executions/list', match: { status: 'failed' } });
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'failed');
		const failed = await settled('failed', (r) => errorRow(r) !== undefined, 'error row');
		assert.match(errorRow(failed)?.label ?? '', /^Could not load failed executions: .*larger than \d+ bytes/);
		assert.deepEqual(idsOf(failed), more, 'loaded rows kept, once each');
		assert.ok((await treeRows()).length > 0, 'the tree still answers');
		await screenshot('reliability-error-row');
		await logNames(/Loading failed executions failed \(invalidResponse\): .*larger than/);
		await vscode.commands.executeCommand('veltWorkflows.retryGroup', 'failed');
		await completes(sim, 'failed');
		assert.deepEqual(stubs.messages, [], 'a notification or modal was shown');
	});

	it('a page with an unknown status: the error row names the field; Retry completes', async () => {
		const loaded = await twoPages('cancelled');
		const item = { ...(sim.execution(sim.executionIds('cancelled')[0]!) as object), status: 'paused' };
		sim.inject({ kind: 'wrongShape', body: { result: { items: [item], nextCursor: '1' } }, path: 'executions/list', match: { status: 'cancelled' } });
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'cancelled');
		const failed = await settled('cancelled', (r) => errorRow(r) !== undefined, 'error row');
		assert.match(errorRow(failed)?.label ?? '', /^Could not load cancelled executions: .*result\.items\[0\]\.status/);
		assert.deepEqual(idsOf(failed), loaded);
		await vscode.commands.executeCommand('veltWorkflows.retryGroup', 'cancelled');
		await completes(sim, 'cancelled');
		assert.deepEqual(stubs.messages, []);
	});

	it('token revoked mid-paging: one prompt, a Sign In row, rows kept; once it works again Retry completes and the warning goes', async () => {
		await expandGroup('Running');
		const loaded = idsOf(await settled('running', hasLoadMore, 'first page'));
		sim.inject({ kind: 'authRevoked' });
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'running');
		await vscode.commands.executeCommand('veltWorkflows.refresh');
		const failed = await settled('running', (r) => errorRow(r)?.label === 'Sign in again to load executions', 'Sign In row');
		assert.deepEqual(idsOf(failed), loaded);
		await waitFor(() => stubs.messages.length > 0, { message: 'the sign-in prompt' });
		assert.equal(await textVisible('Velt rejected the credentials; sign in again.'), true);
		sim.restoreAuth();
		await vscode.commands.executeCommand('veltWorkflows.retryGroup', 'running');
		await completes(sim, 'running');
		assert.equal(await textVisible('Velt rejected the credentials; sign in again.', { timeoutMs: 500 }), false, 'the view still says to sign in');
		assert.deepEqual(stubs.messages.map((m) => [m.severity, m.actions]), [['warning', ['Sign In']]], 'exactly one prompt');
	});

	it('base URL switched while pages are in flight: the old answers are discarded, never shown', async () => {
		await expandGroup('Pending');
		await waitFor(async () => idsOf(await rowsOf('Pending')).length === COUNTS.pending, { message: 'pending rows' });
		// A new execution only the slow answers of the old base URL can bring: it must never show.
		const late = sim.addExecution({ status: 'pending' });
		sim.inject({ kind: 'latency', ms: 1200, path: 'executions/list', times: 10 });
		void vscode.commands.executeCommand('veltWorkflows.refresh');
		await new Promise((resolve) => setTimeout(resolve, 200)); // the refresh's requests are on their way
		await veltConfig().update('apiBaseUrl', other.url, vscode.ConfigurationTarget.Global);
		await waitFor(async () => idsOf(await rowsOf('Pending')).join() === other.executionIds('pending').join(), { message: 'the new base URL\'s rows' });
		const deadline = Date.now() + 1700;
		while (Date.now() < deadline) {
			const shown = idsOf(await treeRows());
			assert.ok(!shown.includes(late), 'an answer from the old base URL was shown');
			assert.ok(shown.every((id) => !sim.executionIds().includes(id)), `rows of the old base URL: ${shown.join(', ')}`);
			await new Promise((resolve) => setTimeout(resolve, 150));
		}
		assert.deepEqual(stubs.messages, [], 'a notification or modal was shown');
		await logNames(new RegExp(`Connected to ${other.url.replace(/[.:/]/g, '\\$&')}`));
	});

	it('the server down at sign-in: one error message that names the refusal once', async () => {
		const down = await startSimulator({ counts: { pending: 1, running: 1, completed: 1, failed: 1, cancelled: 1 } });
		await down.close();
		const current = veltConfig().get<string>('apiBaseUrl');
		await veltConfig().update('apiBaseUrl', down.url, vscode.ConfigurationTarget.Global);
		try {
			stubs.answerInputs(SIM_API_KEY, SIM_AUTH_TOKEN);
			await vscode.commands.executeCommand('veltWorkflows.signIn');
			assert.deepEqual(stubs.messages.map((m) => m.severity), ['error'], JSON.stringify(stubs.messages));
			const text = stubs.messages[0]?.text ?? '';
			assert.match(text, /^Sign in failed: Could not reach the Velt API: .*ECONNREFUSED/);
			assert.equal(text.split('Could not reach').length, 2, `said twice: ${text}`);
		} finally {
			await veltConfig().update('apiBaseUrl', current, vscode.ConfigurationTarget.Global);
		}
	});

	it('no credential in settings, logs or any host file; the log names what went wrong', function (this: Mocha.Context) {
		const root = process.env.VELT_TEST_HOST_ROOT;
		if (!root) {
			this.skip();
		}
		const log = extensionLog() ?? '';
		assert.match(log, /rejected the credentials for .* \(PERMISSION_DENIED\)/);
		for (const secret of [SIM_AUTH_TOKEN, SIM_API_KEY]) {
			assert.ok(!log.includes(secret), 'a credential in the log');
			const hits: string[] = fs
				.readdirSync(root, { recursive: true })
				.map(String)
				.filter((rel) => {
					const stat = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
					return stat?.isFile() === true && stat.size < 64 * 1024 * 1024 && fs.readFileSync(path.join(root, rel)).includes(secret);
				});
			assert.deepEqual(hits, [], 'a credential in a host file');
		}
		assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('veltWorkflows')).includes(SIM_AUTH_TOKEN));
	});
});
