import * as assert from 'node:assert/strict';
import type { Simulator } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';
import { call } from './helpers';

describe('simulator: resetForTest', () => {
	let sim: Simulator;
	before(async () => {
		sim = await startSimulator({ seed: 3 });
	});
	after(() => sim.close());

	it('drops faults, revoked auth and recorded requests, and restores the variant', async () => {
		sim.variant = 'seed';
		sim.inject({ kind: 'http', status: 503, times: Infinity });
		sim.inject({ kind: 'authRevoked' });
		assert.notEqual((await call(sim, 'executions/list', { pageSize: 1 })).status, 200);
		sim.resetForTest();
		assert.equal(sim.variant, 'current');
		assert.equal(sim.requests.length, 0);
		const reply = await call(sim, 'executions/list', { pageSize: 1 });
		assert.equal(reply.status, 200);
		assert.ok(!('hasMore' in (reply.body['result'] as object)), 'still the seed variant');
	});
});
