/**
 * Request budget of live updates, measured against the real simulator (10,000 executions, 20 running) with
 * the real client and model, on a fake clock so ten simulated minutes take a second or two.
 *
 * Target: one `executions/list` call per expanded unfinished group per interval, nothing else; and no call
 * at all while the view is hidden or the window unfocused.
 */
import { VeltClient } from '../src/api/client';
import type { ExecutionStatus } from '../src/api/types';
import { ExecutionsModel } from '../src/executions/executionsModel';
import { LivePoller } from '../src/live/livePoller';
import { WatchList } from '../src/live/watchList';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../test/sim/api';
import type { Simulator } from '../test/sim/api';
import { startSimulator } from '../test/sim/simulator';
import { FakeClock } from '../test/unit/live/fakeClock';
import { InMemoryMemento } from '../test/unit/live/fakes';
import type { BenchResult } from './types';

const INTERVAL_MS = 15_000;
const MINUTES = 10;

interface Scenario {
	readonly name: string;
	readonly expanded: readonly ExecutionStatus[];
	/** Extra pages loaded per expanded group before measuring (later pages must not cost polls). */
	readonly extraPages: number;
	readonly visible: boolean;
	readonly focused: boolean;
	/** Expected list calls per minute. */
	readonly target: number;
	/** Running executions the simulator finishes half-way through (each should cost one `getExecution`). */
	readonly finishing?: number;
}

const SCENARIOS: readonly Scenario[] = [
	{ name: 'view open, Running + Pending expanded', expanded: ['running', 'pending'], extraPages: 0, visible: true, focused: true, target: 8 },
	{ name: 'view open, all five expanded, 3 pages each', expanded: ['pending', 'running', 'completed', 'failed', 'cancelled'], extraPages: 2, visible: true, focused: true, target: 8 },
	{ name: 'view open, Running + Pending expanded, 3 executions finish', expanded: ['running', 'pending'], extraPages: 0, visible: true, focused: true, target: 8, finishing: 3 },
	{ name: 'view hidden', expanded: ['running', 'pending'], extraPages: 0, visible: false, focused: true, target: 0 },
	{ name: 'window unfocused', expanded: ['running', 'pending'], extraPages: 0, visible: true, focused: false, target: 0 },
];

export async function run(): Promise<BenchResult[]> {
	const sim = await startSimulator({ lean: true, counts: { pending: 30, running: 20, completed: 8000, failed: 1500, cancelled: 450 } });
	try {
		const results: BenchResult[] = [];
		for (const scenario of SCENARIOS) {
			results.push(await measure(sim, scenario));
		}
		return results;
	} finally {
		await sim.close();
	}
}

async function measure(sim: Simulator, scenario: Scenario): Promise<BenchResult> {
	const clock = new FakeClock(Date.now());
	const client = new VeltClient({ baseUrl: sim.url, credentials: () => ({ apiKey: SIM_API_KEY, authToken: SIM_AUTH_TOKEN }), timeoutMs: 30_000 });
	const model = new ExecutionsModel({ getApi: () => client, getPageSize: () => 50 });
	const watchList = new WatchList(new InMemoryMemento(), () => sim.url);
	const settings = { pollIntervalMs: INTERVAL_MS, notifyOnFinish: 'watched' as const };
	const poller = new LivePoller({ model, getApi: () => client, watchList, settings: () => settings, notify: () => undefined, clock });
	try {
		poller.setWindowFocused(scenario.focused);
		for (const status of scenario.expanded) {
			poller.setGroupExpanded(status, true);
			await model.ensureLoaded(status);
			for (let page = 0; page < scenario.extraPages; page++) {
				await model.loadMore(status);
			}
		}
		poller.setViewVisible(scenario.visible);
		sim.clearRequests();
		for (let second = 0; second < MINUTES * 60; second++) {
			if (second === (MINUTES * 60) / 2) {
				finish(sim, scenario.finishing ?? 0);
			}
			await clock.advance(1000);
			await poller.whenIdle();
		}
		return verdict(sim, scenario);
	} finally {
		poller.dispose();
		model.dispose();
		watchList.dispose();
	}
}

function finish(sim: Simulator, count: number): void {
	for (const id of sim.executionIds('running').slice(0, count)) {
		sim.updateExecution(id, { status: 'completed', completedAt: Date.now() });
	}
}

/**
 * List calls per minute against the target; every other request must be a `getExecution` for an execution
 * that finished (one each).
 */
function verdict(sim: Simulator, scenario: Scenario): BenchResult {
	const lists = sim.requests.filter((r) => r.path.endsWith('executions/list')).length;
	const gets = sim.requests.filter((r) => r.path.endsWith('executions/get')).length;
	const others = sim.requests.length - lists - gets;
	const perMinute = lists / MINUTES;
	const ratio = scenario.target === 0 ? (perMinute === 0 ? 1 : Number.POSITIVE_INFINITY) : perMinute / scenario.target;
	const finishing = scenario.finishing ?? 0;
	return {
		name: `polling @15 s: ${scenario.name}`,
		value: perMinute,
		unit: 'list calls/min',
		baseline: scenario.target,
		ratio: Math.round(ratio * 100) / 100,
		target: `= ${scenario.target}/min (1 per expanded unfinished group per interval), ${finishing} getExecution, nothing else`,
		pass: ratio === 1 && gets === finishing && others === 0,
		note: `${MINUTES} simulated min on a fake clock; sim 10,000 executions (20 running), real client + model; ${gets} getExecution, ${others} other`,
	};
}

if (require.main === module) {
	run().then(
		(results) => results.forEach((r) => process.stdout.write(`${r.name}: ${r.value} ${r.unit} (ratio ${r.ratio}) ${r.pass ? 'PASS' : 'FAIL'}\n`)),
		(error: unknown) => {
			process.stderr.write(`${String(error)}\n`);
			process.exitCode = 1;
		},
	);
}
