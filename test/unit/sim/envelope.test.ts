import * as assert from 'node:assert/strict';
import { SIM_AUTH_TOKEN } from '../../sim/api';
import type { Simulator } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';
import { call, CREDS, result } from './helpers';
import type { Json } from './helpers';

const BAD_REQUEST = { error: { message: 'Bad Request', status: 'INVALID_ARGUMENT' } };

describe('simulator: envelope, auth and schema', () => {
	let sim: Simulator;
	before(async () => {
		sim = await startSimulator({ seed: 7 });
	});
	after(() => sim.close());

	async function raw(init: RequestInit, path = 'executions/list'): Promise<{ status: number; body: unknown }> {
		const res = await fetch(`${sim.url}/v2/workflow/${path}`, init);
		return { status: res.status, body: await res.json() };
	}

	it('answers {result} with the payload directly under it', async () => {
		const reply = await call(sim, 'executions/list', { pageSize: 2 });
		assert.equal(reply.status, 200);
		assert.deepEqual(Object.keys(reply.body), ['result']);
		const page = reply.body.result as Json;
		assert.equal((page.items as unknown[]).length, 2);
		assert.equal(typeof page.nextCursor, 'string');
	});

	it('rejects a non-POST, a non-JSON content type, extra top-level keys and a missing data key', async () => {
		const body = JSON.stringify({ data: {} });
		assert.deepEqual(await raw({ method: 'PUT', headers: CREDS, body }), { status: 400, body: BAD_REQUEST });
		assert.deepEqual(await raw({ method: 'POST', headers: { ...CREDS, 'content-type': 'text/plain' }, body }), { status: 400, body: BAD_REQUEST });
		assert.deepEqual(await raw({ method: 'POST', headers: CREDS, body: JSON.stringify({ data: {}, apiKey: 'x' }) }), { status: 400, body: BAD_REQUEST });
		assert.deepEqual(await raw({ method: 'POST', headers: CREDS, body: JSON.stringify({ pageSize: 5 }) }), { status: 400, body: BAD_REQUEST });
		assert.deepEqual(await raw({ method: 'POST', headers: CREDS, body: '{"data":' }), { status: 400, body: BAD_REQUEST });
	});

	it('maps the documented auth failures', async () => {
		const { 'x-velt-auth-token': _token, ...noToken } = CREDS;
		void _token;
		const missing = await call(sim, 'executions/list', {}, noToken);
		assert.deepEqual([missing.status, missing.body], [400, { error: { message: 'Auth token is required', status: 'INVALID_ARGUMENT' } }]);
		const badKey = await call(sim, 'executions/list', {}, { ...CREDS, 'x-velt-api-key': 'nope' });
		assert.deepEqual([badKey.status, badKey.body], [403, { error: { message: 'Invalid API key.', status: 'PERMISSION_DENIED' } }]);
		const badToken = await call(sim, 'executions/list', {}, { ...CREDS, 'x-velt-auth-token': 'nope' });
		assert.equal(badToken.status, 403);
		assert.equal((badToken.body.error as Json).status, 'PERMISSION_DENIED');
	});

	it('answers 404 NOT_FOUND for unknown paths and unknown executions', async () => {
		const path = await call(sim, 'steps/teleport', {});
		assert.deepEqual([path.status, (path.body.error as Json).status], [404, 'NOT_FOUND']);
		const exec = await call(sim, 'executions/get', { executionId: 'exec_1_nothere0' });
		assert.deepEqual([exec.status, (exec.body.error as Json).status], [404, 'NOT_FOUND']);
	});

	it('reports schema failures Zod-style with details.issues', async () => {
		for (const data of [{ pageSize: 0 }, { pageSize: 501 }, { pageSize: 2.5 }, { status: 'done' }, { cursor: null }, { cursor: 'not-a-cursor' }]) {
			const reply = await call(sim, 'executions/list', data);
			assert.equal(reply.status, 400, JSON.stringify(data));
			assert.equal((reply.body.error as Json).status, 'INVALID_ARGUMENT');
		}
		const missing = await call(sim, 'executions/getEvents', {});
		assert.deepEqual(missing.body, {
			error: { message: 'Required', status: 'INVALID_ARGUMENT', details: { issues: [{ code: 'invalid_type', path: ['executionId'], message: 'Required' }] } },
		});
	});

	it('records requests without header values', async () => {
		sim.clearRequests();
		await call(sim, 'executions/list', { status: 'failed' });
		assert.equal(sim.requests.length, 1);
		const [rec] = sim.requests;
		assert.deepEqual([rec?.path, rec?.data, rec?.hadCredentials, rec?.status], ['/v2/workflow/executions/list', { status: 'failed' }, true, 200]);
		assert.ok(!JSON.stringify(sim.requests).includes(SIM_AUTH_TOKEN));
	});

	it('serves executions/get with steps of all node types; metadata only in the seed variant', async () => {
		const types = new Set<string>();
		for (const id of sim.executionIds('completed').slice(0, 40)) {
			const view = await result(sim, 'executions/get', { executionId: id });
			for (const step of view.steps as Json[]) {
				types.add(step.nodeType as string);
				assert.equal('metadata' in step, false);
			}
		}
		assert.deepEqual([...types].sort(), ['agent', 'human', 'notification', 'webhook']);
		sim.variant = 'seed';
		const seedView = await result(sim, 'executions/get', { executionId: sim.executionIds('running')[0] });
		sim.variant = 'current';
		const meta = (seedView.steps as Json[])[0]?.metadata as Json;
		assert.match(String(meta.organizationId), /^org_/);
		assert.match(String(meta.documentId), /^doc_/);
	});

	it('lists definitions by updatedAt DESC with an integer cursor and null on a short page', async () => {
		const all: Json[] = [];
		let cursor: number | undefined;
		for (;;) {
			const page = await result(sim, 'definitions/list', cursor === undefined ? { pageSize: 2 } : { pageSize: 2, cursor });
			all.push(...(page.items as Json[]));
			if (page.nextCursor === null) {
				break;
			}
			cursor = page.nextCursor as number;
		}
		assert.ok(all.length >= 6);
		assert.equal(new Set(all.map((d) => d.definitionId)).size, all.length);
		const updated = all.map((d) => d.updatedAt as number);
		assert.deepEqual(updated, [...updated].sort((a, b) => b - a));
		assert.ok(all.every((d) => d.status === 'active' && Array.isArray(d.nodes) && Array.isArray(d.edges)));
	});
});
