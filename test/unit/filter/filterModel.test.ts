/**
 * The filter end to end below the UI: `ExecutionsModel` over the real `VeltClient` and the simulator on
 * loopback, reading the simulator's request log to see what each facet sends to the server.
 */
import * as assert from 'node:assert/strict';
import { VeltClient } from '../../../src/api/client';
import type { ExecutionView } from '../../../src/api/types';
import { nullLogger } from '../../../src/common/logger';
import { ExecutionsModel } from '../../../src/executions/executionsModel';
import { detectScopeSupport, serverParams } from '../../../src/filter/filterState';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import type { ContractVariant, RecordedRequest, Simulator } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';

const PAGE_SIZE = 20;

interface SimExecutionRecord {
	readonly definitionId: string;
	readonly steps: readonly { readonly metadata?: Record<string, unknown> }[];
}

function listCalls(sim: Simulator): RecordedRequest[] {
	return sim.requests.filter((r) => r.path.endsWith('executions/list'));
}

/** The simulator's own view of an execution (seed variant: steps carry `metadata`). */
function scopesOf(sim: Simulator, id: string): string[] {
	const stored = sim.execution(id) as SimExecutionRecord | undefined;
	return (stored?.steps ?? []).map((step) => `${String(step.metadata?.organizationId)}/${String(step.metadata?.documentId)}`);
}

function organizationOf(sim: Simulator, id: string): string | undefined {
	return scopesOf(sim, id)[0]?.split('/')[0];
}

describe('Filter through the model and the simulator', function () {
	this.timeout(20_000);
	let sim: Simulator;
	let model: ExecutionsModel;

	async function setUp(variant: ContractVariant): Promise<void> {
		sim = await startSimulator({ variant, seed: 7 });
		const client = new VeltClient({ baseUrl: sim.url, credentials: () => ({ apiKey: SIM_API_KEY, authToken: SIM_AUTH_TOKEN }), timeoutMs: 10_000, retry: { retries: 0 } });
		model = new ExecutionsModel({ getApi: () => client, getPageSize: () => PAGE_SIZE, logger: nullLogger });
	}

	afterEach(async () => {
		model.dispose();
		await sim.close();
	});

	it('sends the definition id on every list call of every group, and nothing for statuses or scope', async () => {
		await setUp('seed');
		const filter = { definitionId: 'invoice-approval', statuses: ['failed' as const, 'completed' as const], scope: { organizationId: 'org_acme' } };
		model.setFilter(filter);
		await model.ensureLoaded('completed');
		await model.loadMore('completed');
		await model.ensureLoaded('failed');
		const calls = listCalls(sim);
		assert.ok(calls.length >= 3);
		for (const call of calls) {
			assert.equal(call.data?.definitionId, serverParams(filter).definitionId);
			assert.ok(!('organizationId' in (call.data ?? {})) && !('documentId' in (call.data ?? {})), JSON.stringify(call.data));
			assert.ok(!('statuses' in (call.data ?? {})));
		}
		assert.deepEqual(new Set(calls.map((c) => c.data?.status)), new Set(['completed', 'failed']));
		for (const row of [...model.group('completed').items, ...model.group('failed').items]) {
			assert.equal(row.definitionId, 'invoice-approval');
		}
	});

	it('hides groups for statuses without reloading the groups already loaded', async () => {
		await setUp('current');
		await model.ensureLoaded('failed');
		const before = model.group('failed').items.map((e) => e.executionId);
		sim.clearRequests();
		model.setFilter({ statuses: ['failed'] });
		assert.deepEqual(model.visibleStatuses(), ['failed']);
		assert.deepEqual(model.group('failed').items.map((e) => e.executionId), before);
		assert.equal(listCalls(sim).length, 0);
	});

	it('seed variant: scope keeps only executions whose step metadata matches, counting scanned and matched', async () => {
		await setUp('seed');
		model.setFilter({ scope: { organizationId: 'org_acme' } });
		await model.ensureLoaded('completed');
		const group = model.group('completed');
		assert.ok(group.matched > 0 && group.matched < group.scanned, `matched ${group.matched} of ${group.scanned}`);
		assert.equal(group.items.length, group.matched);
		for (const row of group.items) {
			assert.equal(organizationOf(sim, row.executionId), 'org_acme');
		}
		const scannedIds = sim.executionIds('completed').slice(0, group.scanned);
		const expected = scannedIds.filter((id) => organizationOf(sim, id) === 'org_acme');
		assert.deepEqual(new Set(group.items.map((e) => e.executionId)), new Set(expected));
	});

	it('seed variant: an org and a document must match on the same step', async () => {
		await setUp('seed');
		model.setFilter({ scope: { organizationId: 'org_globex', documentId: 'doc_msa_2026' } });
		await model.ensureLoaded('completed');
		const rows = model.group('completed').items;
		assert.ok(rows.length > 0);
		for (const row of rows) {
			assert.ok(scopesOf(sim, row.executionId).includes('org_globex/doc_msa_2026'));
		}
	});

	it('current variant: scope matches nothing and the scan stops at its bound instead of paging forever', async () => {
		await setUp('current');
		model.setFilter({ scope: { organizationId: 'org_acme' } });
		await model.ensureLoaded('completed');
		const group = model.group('completed');
		assert.equal(group.matched, 0);
		assert.equal(group.items.length, 0);
		const calls = listCalls(sim).length;
		assert.ok(calls >= 2 && calls <= 10, `${calls} list calls`);
		assert.ok(group.scanned > PAGE_SIZE && group.scanned <= 10 * PAGE_SIZE, `scanned ${group.scanned}`);
		assert.equal(group.hasMore, true, 'the user can ask to scan further');
	});

	it('tells the two variants apart from one page of list items', async () => {
		await setUp('seed');
		await model.ensureLoaded('completed');
		assert.equal(detectScopeSupport(model.group('completed').items), 'available');
		model.dispose();
		await sim.close();
		await setUp('current');
		await model.ensureLoaded('completed');
		assert.equal(detectScopeSupport(model.group('completed').items), 'unavailable');
	});

	it('a filter change during a slow request never shows rows of the old filter', async () => {
		await setUp('current');
		sim.inject({ kind: 'latency', ms: 400, path: 'executions/list', match: { status: 'failed' } });
		const slow = model.ensureLoaded('failed');
		model.setFilter({ definitionId: 'security-vuln-triage' });
		await Promise.all([slow, model.ensureLoaded('failed')]);
		const rows: readonly ExecutionView[] = model.group('failed').items;
		assert.ok(rows.length > 0);
		assert.ok(rows.every((e) => e.definitionId === 'security-vuln-triage'), rows.map((e) => e.definitionId).join());
		const expected = sim.executionIds('failed').filter((id) => (sim.execution(id) as SimExecutionRecord).definitionId === 'security-vuln-triage');
		assert.deepEqual(rows.map((e) => e.executionId), expected.slice(0, rows.length));
		await new Promise((resolve) => setTimeout(resolve, 450));
		assert.ok(model.group('failed').items.every((e) => e.definitionId === 'security-vuln-triage'), 'the late answer is discarded');
	});
});
