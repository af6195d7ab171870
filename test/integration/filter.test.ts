import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Simulator } from '../sim/api';
import { startSimulator } from '../sim/simulator';
import { QuickInputDriver } from './filterQuickInput';
import { click, screenshot, textVisible, treeRows, uiBridgeAvailable } from './helpers/ui';
import type { TreeRow } from './helpers/ui';
import { signIn } from './helpers/session';
import { waitFor } from './helpers/wait';

const extensionId = 'velt-workflows.velt-workflow-executions';
const section = 'veltWorkflows';
const SETTINGS: Record<string, unknown> = { pageSize: 10, pollIntervalSeconds: 0 };
const DEFINITION = 'invoice-approval';
const TREE = 'css=[role="tree"][aria-label="Executions"]';

const rootLabels = (rows: readonly TreeRow[]): string[] => rows.filter((r) => r.level === 1).map((r) => r.label);
const rowIds = (rows: readonly TreeRow[]): string[] => rows.flatMap((r) => /exec_[A-Za-z0-9_]+/.exec(r.ariaLabel)?.[0] ?? []);

async function expandGroup(label: string): Promise<void> {
	const row = (await treeRows()).find((r) => r.level === 1 && r.label === label);
	if (row?.expanded !== true) {
		await click(`${TREE} .monaco-list-row[aria-level="1"][aria-label^="${label}"]`);
	}
	await waitFor(async () => (await treeRows()).some((r) => r.level === 1 && r.label === label && r.expanded === true), { message: `${label} expanded` });
}

/**
 * Rows under one group (level 2) once its page has rendered and every execution row passes `accept`: the
 * tree re-renders asynchronously after a filter change, so rows of the previous filter may still be on
 * screen for a moment; what matters is what the tree settles on.
 */
async function groupRows(label: string, accept: (executionId: string) => boolean = () => true): Promise<TreeRow[]> {
	await expandGroup(label);
	let last: TreeRow[] = [];
	return waitFor(async () => {
		const rows = await treeRows();
		const start = rows.findIndex((r) => r.level === 1 && r.label === label);
		const end = rows.findIndex((r, i) => i > start && r.level === 1);
		last = rows.slice(start + 1, end === -1 ? undefined : end);
		const settled = last.length > 0 && !last.some((r) => r.label === 'Loading…');
		return settled && rowIds(last).every(accept) ? last : undefined;
	}, { message: `${label} rows` }).catch(async (error: unknown) => {
		await screenshot(`filter-failed-${label}`);
		throw new Error(`${String(error)}; last rows: ${JSON.stringify(last.map((r) => r.ariaLabel))}`);
	});
}

function listCalls(sim: Simulator, from = 0): { status?: unknown; definitionId?: unknown }[] {
	return sim.requests.slice(from).filter((r) => r.path.endsWith('executions/list')).map((r) => r.data ?? {});
}

describe('filter executions', function () {
	let sim: Simulator;
	let ui: QuickInputDriver;
	const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(section);

	/** Runs Velt: Filter Executions… and drives its quick picks with `steps`; resolves when the command ends. */
	async function filterWith(steps: (ui: QuickInputDriver) => Promise<void>): Promise<void> {
		const command = vscode.commands.executeCommand('veltWorkflows.filter');
		await steps(ui);
		await command;
	}

	async function chooseDefinition(id: string): Promise<void> {
		await filterWith(async (d) => {
			(await d.next('Filter Executions')).accept('Definition: any');
			const step = await d.next('Filter Executions: Definition');
			step.type(id);
			step.accept(`Use "${id}"`);
			(await d.next('Filter Executions')).accept();
		});
	}

	before(async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		await vscode.extensions.getExtension(extensionId)?.activate();
		sim = await startSimulator({ variant: 'current', seed: 5, counts: { pending: 3, running: 12, completed: 60, failed: 40, cancelled: 4 } });
		for (const [key, value] of Object.entries({ ...SETTINGS, apiBaseUrl: sim.url })) {
			await config().update(key, value, vscode.ConfigurationTarget.Global);
		}
		await signIn();
		await vscode.commands.executeCommand('workbench.view.extension.veltWorkflows');
		await waitFor(async () => rootLabels(await treeRows().catch(() => [])).includes('Running'), { timeoutMs: 20000, message: 'signed in' });
		ui = new QuickInputDriver();
	});

	afterEach(async () => {
		ui?.cancelAll();
		await vscode.commands.executeCommand('veltWorkflows.clearFilter');
		sim?.clearFaults();
	});

	after(async () => {
		ui?.dispose();
		for (const key of [...Object.keys(SETTINGS), 'apiBaseUrl']) {
			await config().update(key, undefined, vscode.ConfigurationTarget.Global);
		}
		await sim?.close();
	});

	it('current API: the scope facet says why scope filtering is unavailable; Esc drops an edited draft', async () => {
		sim.clearRequests();
		await filterWith(async (d) => {
			const facets = await d.next('Filter Executions');
			assert.deepEqual(facets.labels(), ['Definition: any', 'Statuses: all', 'Scope: none', '', 'Apply', 'Clear filter']);
			facets.accept('Scope: none');
			const probe = await d.next('Filter Executions: Scope');
			const unavailable = probe.items.length > 0 ? probe : await d.next('Filter Executions: Scope');
			await waitFor(() => unavailable.items.length > 0, { message: 'scope answer' });
			assert.equal(unavailable.items[0]?.label, 'Scope filtering is unavailable for this API');
			assert.equal(unavailable.items[0]?.detail, 'List results of this API carry no steps, so there is no step metadata to filter on.');
			unavailable.accept(unavailable.items[0]!.label);
			const back = await d.next('Filter Executions');
			assert.equal(back.labels()[2], 'Scope: none');
			back.accept('Definition: any');
			const definition = await d.next('Filter Executions: Definition');
			definition.type('legal-contract-review');
			definition.accept('Use "legal-contract-review"');
			const edited = await d.next('Filter Executions');
			assert.equal(edited.labels()[0], 'Definition: legal-contract-review');
			edited.escape(); // the draft is dropped
		});
		await vscode.commands.executeCommand('veltWorkflows.loadMore', 'failed');
		assert.equal(await textVisible('Filter:', { timeoutMs: 1000 }), false);
		assert.ok(listCalls(sim).every((data) => data.definitionId === undefined));
	});

	it('by definition: the list offers definitions/list, refuses a blank id, and every list call carries the id', async () => {
		sim.variant = 'seed';
		await filterWith(async (d) => {
			(await d.next('Filter Executions')).accept('Definition: any');
			const step = await d.next('Filter Executions: Definition');
			await waitFor(() => step.items.some((i) => i.description === DEFINITION), { message: 'definitions loaded' });
			assert.ok(step.labels().includes('Any definition'));
			step.type('   ');
			step.accept('A definition id cannot be empty or blank');
			assert.equal(ui.current, step, 'a blank id is refused inline; the step stays open');
			step.type('');
			step.accept(step.items.find((i) => i.description === DEFINITION)!.label);
			const facets = await d.next('Filter Executions');
			assert.equal(facets.labels()[0], `Definition: ${DEFINITION}`);
			sim.clearRequests();
			facets.accept(); // Enter: Apply is the active item after an edit
		});
		assert.equal(await textVisible(`Filter: ${DEFINITION}`, { timeoutMs: 5000 }), true);
		const ofDefinition = (id: string): boolean => (sim.execution(id) as { definitionId: string }).definitionId === DEFINITION;
		const failed = await groupRows('Failed', ofDefinition);
		const completed = await groupRows('Completed', ofDefinition);
		assert.ok(rowIds([...failed, ...completed]).length > 2);
		const calls = listCalls(sim);
		assert.ok(calls.length >= 2);
		assert.deepEqual(calls.filter((data) => data.definitionId !== DEFINITION), []);
		await screenshot('filter-definition');
	});

	it('by status: none is refused, the chosen groups alone show, and the title button clears', async () => {
		await filterWith(async (d) => {
			(await d.next('Filter Executions')).accept('Statuses: all');
			const step = await d.next('Filter Executions: Statuses');
			step.accept([]);
			assert.equal(ui.current, step, 'selecting none is refused inline');
			step.accept(['Running', 'Failed']);
			const facets = await d.next('Filter Executions');
			assert.equal(facets.labels()[1], 'Statuses: Running, Failed');
			facets.accept('Apply');
		});
		await waitFor(async () => rootLabels(await treeRows()).join() === 'Running,Failed', { message: 'only Running and Failed' });
		assert.equal(await textVisible('Filter: running, failed'), true);
		await click('css=.action-label[aria-label^="Clear Execution Filter"]');
		await waitFor(async () => rootLabels(await treeRows()).length === 5, { message: 'all five groups back' });
		assert.equal(await textVisible('Filter:', { timeoutMs: 1000 }), false);
	});

	it('seed API: scope keeps only executions whose step metadata matches', async () => {
		await filterWith(async (d) => {
			(await d.next('Filter Executions')).accept('Scope: none');
			(await d.next('Filter Executions: Scope (1/2)')).accept('org_acme');
			(await d.next('Filter Executions: Scope (2/2)')).accept('');
			(await d.next('Filter Executions')).accept('Apply');
		});
		assert.equal(await textVisible('Filter: org org_acme'), true);
		const inAcme = (id: string): boolean =>
			(sim.execution(id) as { steps: { metadata?: { organizationId?: string } }[] }).steps.some((s) => s.metadata?.organizationId === 'org_acme');
		const rows = await groupRows('Completed', inAcme);
		assert.ok(rows.some((r) => r.label.includes('(scope filter)')), rows.map((r) => r.label).join(' | '));
		assert.ok(rowIds(rows).length > 0);
		await screenshot('filter-scope');
	});

	it('a filter change during a slow request never shows rows of the old filter', async () => {
		const definitionOf = (id: string): string => (sim.execution(id) as { definitionId: string }).definitionId;
		const ofDefinition = (id: string): boolean => definitionOf(id) === DEFINITION;
		const onlyFiltered = async (): Promise<boolean> => rowIds(await groupRows('Failed', ofDefinition)).length > 0;
		assert.ok(rowIds(await groupRows('Failed')).some((id) => !ofDefinition(id)), 'unfiltered rows first');
		sim.inject({ kind: 'latency', ms: 2000, path: 'executions/list', match: { status: 'failed' } });
		const slow = vscode.commands.executeCommand('veltWorkflows.loadMore', 'failed'); // page 2, unfiltered, slow
		await chooseDefinition(DEFINITION);
		await onlyFiltered();
		await slow;
		await new Promise((resolve) => setTimeout(resolve, 2500)); // past the slow answer
		const failed = rowIds(await groupRows('Failed'));
		assert.deepEqual(failed.filter((id) => !ofDefinition(id)), [], 'the late answer of the old filter was discarded');
		assert.ok(listCalls(sim).some((data) => data.status === 'failed' && data.definitionId === DEFINITION));
	});

	it('a definition id the server rejects shows its message in the group', async () => {
		sim.inject({ kind: 'http', status: 400, apiStatus: 'INVALID_ARGUMENT', message: 'definitionId: Invalid format', path: 'executions/list', match: { definitionId: 'Bad Id' }, times: Infinity });
		await chooseDefinition('Bad Id');
		await expandGroup('Failed');
		assert.equal(await textVisible('definitionId: Invalid format', { timeoutMs: 10000 }), true);
		const row = (await treeRows()).find((r) => r.label.startsWith('Filter refused — '));
		assert.ok(row, 'no refusal row');
		await click(`${TREE} .monaco-list-row[aria-label^="Filter refused"]`);
		const facets = await ui.next('Filter Executions');
		assert.equal(facets.labels()[0], 'Definition: Bad Id', 'clicking the row did not open the filter');
		facets.escape();
	});

	it('README screenshot: an active filter and the facet list (VELT_SCREENSHOTS=1 only)', async function (this: Mocha.Context) {
		if (process.env.VELT_SCREENSHOTS !== '1') {
			this.skip();
		}
		await filterWith(async (d) => {
			(await d.next('Filter Executions')).accept('Statuses: all');
			(await d.next('Filter Executions: Statuses')).accept(['Running', 'Failed']);
			(await d.next('Filter Executions')).accept('Definition: any');
			const step = await d.next('Filter Executions: Definition');
			step.type(DEFINITION);
			step.accept(`Use "${DEFINITION}"`);
			(await d.next('Filter Executions')).accept('Apply');
		});
		await waitFor(async () => rootLabels(await treeRows()).join() === 'Running,Failed', { message: 'only Running and Failed' });
		assert.equal(await textVisible(`Filter: ${DEFINITION} · running, failed`), true);
		await groupRows('Failed', (id) => (sim.execution(id) as { definitionId: string }).definitionId === DEFINITION);
		await groupRows('Running', (id) => (sim.execution(id) as { definitionId: string }).definitionId === DEFINITION);
		const reopened = vscode.commands.executeCommand('veltWorkflows.filter');
		const facets = await ui.next('Filter Executions');
		await textVisible('Statuses: Running, Failed', { timeoutMs: 5000 });
		await screenshot('filter');
		facets.escape();
		await reopened;
	});
});
