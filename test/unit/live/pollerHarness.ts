/** Builds a `LivePoller` over the real `ExecutionsModel`, an in-memory API, a fake clock and fake panels. */
import type { ExecutionView } from '../../../src/api/types';
import { ExecutionsModel } from '../../../src/executions/executionsModel';
import { LivePoller } from '../../../src/live/livePoller';
import type { LiveSettings } from '../../../src/live/livePoller';
import type { FinishNotice } from '../../../src/live/transitions';
import { WatchList } from '../../../src/live/watchList';
import { FakeClock } from './fakeClock';
import { executions, FakePanels, InMemoryMemento, LiveFakeApi } from './fakes';

export const SECOND = 1000;
export const NOW = 1_700_000_000_000;

export interface Harness {
	readonly clock: FakeClock;
	readonly api: LiveFakeApi;
	readonly model: ExecutionsModel;
	readonly watchList: WatchList;
	readonly panels: FakePanels;
	readonly poller: LivePoller;
	readonly notices: FinishNotice[];
	settings: LiveSettings;
	dispose(): void;
}

export function dataSet(): ExecutionView[] {
	return [...executions(3, 'running', NOW - 60 * SECOND), ...executions(2, 'pending', NOW - 30 * SECOND), ...executions(120, 'completed', NOW - 3600 * SECOND), ...executions(4, 'failed', NOW - 7200 * SECOND)];
}

export function setup(data: ExecutionView[] = dataSet(), maxIndividualPerRound = 5): Harness {
	const clock = new FakeClock(NOW);
	const api = new LiveFakeApi(data);
	const model = new ExecutionsModel({ getApi: () => api, getPageSize: () => 50 });
	const watchList = new WatchList(new InMemoryMemento(), () => 'sim');
	const panels = new FakePanels();
	const notices: FinishNotice[] = [];
	const harness: Harness = {
		clock,
		api,
		model,
		watchList,
		panels,
		notices,
		settings: { pollIntervalMs: 15 * SECOND, notifyOnFinish: 'watched' },
		poller: undefined as unknown as LivePoller,
		dispose: () => {
			harness.poller.dispose();
			model.dispose();
			watchList.dispose();
		},
	};
	const poller = new LivePoller({ model, panels, getApi: () => api, watchList, settings: () => harness.settings, notify: (n) => notices.push(n), clock, maxIndividualPerRound });
	Object.assign(harness, { poller });
	return harness;
}

/** Expands groups the way the tree does: the expand event, then the first page. */
export async function expand(h: Harness, ...statuses: ('pending' | 'running' | 'completed' | 'failed')[]): Promise<void> {
	for (const status of statuses) {
		h.poller.setGroupExpanded(status, true);
		await h.model.ensureLoaded(status);
	}
}
