import * as assert from 'node:assert/strict';
import type { Simulator } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';
import { call, CREDS, ids, result } from './helpers';
import type { Json } from './helpers';

describe('simulator: faults', () => {
	let sim: Simulator;
	beforeEach(async () => {
		sim = await startSimulator({ seed: 3 });
	});
	afterEach(() => sim.close());

	function post(path: string, data: unknown, signal?: AbortSignal): Promise<Response> {
		return fetch(`${sim.url}/v2/workflow/${path}`, { method: 'POST', headers: CREDS, body: JSON.stringify({ data }), signal });
	}

	it('http: status, canonical code, Retry-After verbatim, consumed after `times`', async () => {
		const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
		sim.inject({ kind: 'http', path: 'executions/list', status: 429, retryAfter: '7', times: 2 });
		sim.inject({ kind: 'http', path: 'executions/get', status: 503, retryAfter: date });
		for (let i = 0; i < 2; i++) {
			const reply = await call(sim, 'executions/list', {});
			assert.deepEqual([reply.status, reply.headers.get('retry-after'), (reply.body.error as Json).status], [429, '7', 'RESOURCE_EXHAUSTED']);
		}
		assert.equal((await call(sim, 'executions/list', {})).status, 200);
		const unavailable = await call(sim, 'executions/get', { executionId: 'x' });
		assert.deepEqual([unavailable.status, unavailable.headers.get('retry-after'), (unavailable.body.error as Json).status], [503, date, 'UNAVAILABLE']);
	});

	it('match narrows a fault by request data; path by endpoint', async () => {
		sim.inject({ kind: 'http', path: 'executions/list', match: { status: 'failed' }, status: 500 });
		assert.equal((await call(sim, 'executions/list', { status: 'completed' })).status, 200);
		assert.equal((await call(sim, 'executions/get', { executionId: sim.executionIds()[0] })).status, 200);
		const hit = await call(sim, 'executions/list', { status: 'failed' });
		assert.deepEqual([hit.status, hit.body], [500, { error: { message: 'INTERNAL', status: 'INTERNAL' } }]);
	});

	it('latency delays the answer (an impatient client gives up) and then answers normally', async () => {
		sim.inject({ kind: 'latency', ms: 60_000 });
		await assert.rejects(post('executions/list', {}, AbortSignal.timeout(50)), { name: 'TimeoutError' });
		assert.equal((await call(sim, 'executions/list', {})).status, 200);
	});

	it('hang never answers until the client aborts or the simulator closes', async () => {
		sim.inject({ kind: 'hang', times: 2 });
		await assert.rejects(post('executions/list', {}, AbortSignal.timeout(50)), { name: 'TimeoutError' });
		const pending = post('executions/list', {});
		while (sim.requests.length < 2) {
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		assert.equal(sim.requests[1]?.status, 0);
		await sim.close();
		await assert.rejects(pending);
	});

	it('malformedJson, wrongShape and hugeBody answer 200 with the promised bodies', async () => {
		sim.inject({ kind: 'malformedJson' });
		sim.inject({ kind: 'wrongShape', body: { result: { items: 'nope' } } });
		sim.inject({ kind: 'hugeBody', bytes: 3_000_000 });
		const malformed = await post('executions/list', {});
		assert.equal(malformed.status, 200);
		await assert.rejects(malformed.json());
		assert.deepEqual(await (await post('executions/list', {})).json(), { result: { items: 'nope' } });
		const huge = await (await post('executions/list', {})).text();
		assert.ok(huge.length >= 2_900_000);
		assert.ok('result' in (JSON.parse(huge) as Json));
	});

	it('resetMidBody breaks the connection inside the body', async () => {
		sim.inject({ kind: 'resetMidBody' });
		await assert.rejects(async () => {
			const res = await post('executions/list', { pageSize: 200 });
			await res.text();
		});
		assert.equal((await call(sim, 'executions/list', {})).status, 200);
	});

	it('repeatCursor echoes the request cursor as nextCursor', async () => {
		const first = await result(sim, 'executions/list', { pageSize: 10 });
		sim.inject({ kind: 'repeatCursor', path: 'executions/list' });
		const second = await result(sim, 'executions/list', { pageSize: 10, cursor: first.nextCursor });
		assert.equal(second.nextCursor, first.nextCursor);
	});

	it('repeatPage answers the previous page of the same query again', async () => {
		const first = await result(sim, 'executions/list', { status: 'completed', pageSize: 10 });
		sim.inject({ kind: 'repeatPage' });
		const second = await result(sim, 'executions/list', { status: 'completed', pageSize: 10, cursor: first.nextCursor });
		assert.deepEqual(second, first);
	});

	it('duplicateAcrossBoundary prepends the last rows of the previous page', async () => {
		sim.variant = 'seed';
		const first = await result(sim, 'executions/list', { status: 'failed', pageSize: 10 });
		sim.inject({ kind: 'duplicateAcrossBoundary', count: 3 });
		const second = await result(sim, 'executions/list', { status: 'failed', pageSize: 10, cursor: first.nextCursor });
		assert.deepEqual(ids(second).slice(0, 3), ids(first).slice(7));
		assert.deepEqual(ids(second).slice(3), sim.executionIds('failed').slice(10, 20));
	});

	it('authRevoked answers 403 PERMISSION_DENIED from then on, until restoreAuth', async () => {
		sim.inject({ kind: 'authRevoked', path: 'executions/get' });
		assert.equal((await call(sim, 'executions/list', {})).status, 200);
		const revoked = await call(sim, 'executions/get', { executionId: sim.executionIds()[0] });
		assert.deepEqual([revoked.status, (revoked.body.error as Json).status], [403, 'PERMISSION_DENIED']);
		assert.equal((await call(sim, 'executions/list', {})).status, 403);
		sim.restoreAuth();
		assert.equal((await call(sim, 'executions/list', {})).status, 200);
	});

	it('clearFaults removes pending faults', async () => {
		sim.inject({ kind: 'http', status: 500, times: Infinity });
		assert.equal((await call(sim, 'executions/list', {})).status, 500);
		sim.clearFaults();
		assert.equal((await call(sim, 'executions/list', {})).status, 200);
	});
});
