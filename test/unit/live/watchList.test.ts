import * as assert from 'node:assert/strict';
import { MAX_WATCHED, WATCH_LIST_KEY, WatchList } from '../../../src/live/watchList';
import { InMemoryMemento } from './fakes';

describe('WatchList', () => {
	const prod = 'https://api.velt.dev';

	it('persists across instances (a window reload) and fires on change', async () => {
		const memento = new InMemoryMemento();
		const list = new WatchList(memento, () => prod);
		const changes: string[] = [];
		list.onDidChange((id) => changes.push(id));
		await list.add('exec-1');
		await list.add('exec-2');
		await list.add('exec-1');
		assert.deepEqual(changes, ['exec-1', 'exec-2']);
		const reloaded = new WatchList(memento, () => prod);
		assert.deepEqual(reloaded.ids(), ['exec-1', 'exec-2']);
		assert.equal(reloaded.has('exec-2'), true);
		await reloaded.remove('exec-1');
		assert.deepEqual(new WatchList(memento, () => prod).ids(), ['exec-2']);
		list.dispose();
		reloaded.dispose();
	});

	it('keeps watches per environment', async () => {
		const memento = new InMemoryMemento();
		let scope = prod;
		const list = new WatchList(memento, () => scope);
		await list.add('prod-1');
		scope = 'http://127.0.0.1:3000';
		assert.deepEqual(list.ids(), []);
		await list.add('sim-1');
		scope = prod;
		assert.deepEqual(list.ids(), ['prod-1']);
		list.dispose();
	});

	it('drops the oldest beyond the bound', async () => {
		const list = new WatchList(new InMemoryMemento(), () => prod);
		for (let i = 0; i <= MAX_WATCHED; i++) {
			await list.add(`e${i}`);
		}
		assert.equal(list.ids().length, MAX_WATCHED);
		assert.equal(list.has('e0'), false);
		assert.equal(list.has(`e${MAX_WATCHED}`), true);
		list.dispose();
	});

	it('tolerates corrupt stored values', async () => {
		const memento = new InMemoryMemento();
		await memento.update(WATCH_LIST_KEY, { [prod]: ['ok', 7, null], other: 'nope' });
		assert.deepEqual(new WatchList(memento, () => prod).ids(), ['ok']);
		await memento.update(WATCH_LIST_KEY, ['not', 'a', 'map']);
		assert.deepEqual(new WatchList(memento, () => prod).ids(), []);
	});
});
