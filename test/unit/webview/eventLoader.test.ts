import assert from 'node:assert/strict';
import { loadEventBatch, mergeEvents } from '../../../src/webview/eventLoader';
import { realisticExecution } from '../../webview/builders';
import { eventsWithSeqs, FakeExecutionApi } from './fakeExecutionApi';

describe('event loader', () => {
	it('merges by seq, ascending, later copies winning', () => {
		const merged = mergeEvents(eventsWithSeqs([7, 1]), [...eventsWithSeqs([4]), { ...eventsWithSeqs([7])[0], type: 'x' }]);
		assert.deepEqual(merged.map((e) => [e.seq, e.type]), [[1, 'execution.dispatched'], [4, 'step.completed'], [7, 'x']]);
	});

	it('returns an empty complete batch for an execution without events', async () => {
		const api = new FakeExecutionApi(realisticExecution());
		const batch = await loadEventBatch(api, 'exec', 0);
		assert.deepEqual(batch, { events: [], nextSinceSeq: 0, complete: true, stalled: false });
	});

	it('starts after sinceSeq and reports where to continue', async () => {
		const api = new FakeExecutionApi(realisticExecution(), eventsWithSeqs(Array.from({ length: 300 }, (_, i) => i + 1)));
		const batch = await loadEventBatch(api, 'exec', 50, undefined, 2);
		assert.deepEqual([batch.events[0]?.seq, batch.events.at(-1)?.seq, batch.nextSinceSeq, batch.complete], [51, 250, 250, false]);
	});
});
