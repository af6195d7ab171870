/** The real simulator on loopback plus a model over a real `VeltClient`, for the model's HTTP tests. */
import * as assert from 'node:assert/strict';
import { VeltClient } from '../../../src/api/client';
import { ExecutionsModel } from '../../../src/executions/executionsModel';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import type { Simulator, SimulatorOptions } from '../../sim/api';
import { startSimulator } from '../../sim/simulator';

export interface SimHarness {
	readonly sim: Simulator;
	/** Read by the model per request, so a test may change it between pages. */
	pageSize: number;
	client(): VeltClient;
	model(): ExecutionsModel;
}

/** Registers mocha hooks: one simulator per suite; faults, requests and variant reset per test. */
export function useSimulatorModel(options: SimulatorOptions = {}): SimHarness {
	let sim: Simulator | undefined;
	const models: ExecutionsModel[] = [];
	before(async () => {
		sim = await startSimulator({ seed: 11, ...options });
	});
	after(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim?.resetForTest(options.variant);
		harness.pageSize = 10;
	});
	afterEach(() => {
		models.splice(0).forEach((model) => model.dispose());
	});
	const harness: SimHarness = {
		get sim(): Simulator {
			assert.ok(sim, 'simulator not started');
			return sim;
		},
		pageSize: 10,
		client: () =>
			new VeltClient({
				baseUrl: harness.sim.url,
				credentials: () => ({ apiKey: SIM_API_KEY, authToken: SIM_AUTH_TOKEN }),
				timeoutMs: 5000,
				retry: { retries: 0 },
			}),
		model: () => {
			const client = harness.client();
			const model = new ExecutionsModel({ getApi: () => client, getPageSize: () => harness.pageSize });
			models.push(model);
			return model;
		},
	};
	return harness;
}

/** Pages a group to its end (or its first error). */
export async function loadGroup(model: ExecutionsModel, status: Parameters<ExecutionsModel['loadMore']>[0]): Promise<void> {
	await model.ensureLoaded(status);
	for (let i = 0; i < 1000; i++) {
		const group = model.group(status);
		if (!group.hasMore || group.error !== undefined) {
			return;
		}
		await model.loadMore(status);
	}
	throw new Error('paging did not end');
}
