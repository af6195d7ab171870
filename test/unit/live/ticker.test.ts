import * as assert from 'node:assert/strict';
import { agoParts, Ticker } from '../../../src/live/ticker';
import { FakeClock } from './fakeClock';

describe('Ticker', () => {
	it('ticks every period only while running, and keeps its rhythm when started twice', async () => {
		const clock = new FakeClock();
		let ticks = 0;
		const ticker = new Ticker(clock, 5000, () => ticks++);
		await clock.advance(20_000);
		assert.equal(ticks, 0);
		ticker.setRunning(true);
		await clock.advance(3000);
		ticker.setRunning(true);
		await clock.advance(2000);
		assert.equal(ticks, 1);
		await clock.advance(10_000);
		assert.equal(ticks, 3);
		ticker.setRunning(false);
		await clock.advance(60_000);
		assert.equal(ticks, 3);
		assert.equal(clock.pendingTimers, 0);
		ticker.setRunning(true);
		ticker.dispose();
		assert.equal(clock.pendingTimers, 0);
	});
});

describe('agoParts', () => {
	it('reads "just now", then seconds, minutes, hours', () => {
		const now = 1_000_000_000;
		assert.deepEqual(agoParts(now - 4999, now), { unit: 'now' });
		assert.deepEqual(agoParts(now + 3000, now), { unit: 'now' }, 'clock skew is not the future');
		assert.deepEqual(agoParts(now - 12_400, now), { unit: 'seconds', count: 12 });
		assert.deepEqual(agoParts(now - 60_000, now), { unit: 'minutes', count: 1 });
		assert.deepEqual(agoParts(now - 59 * 60_000, now), { unit: 'minutes', count: 59 });
		assert.deepEqual(agoParts(now - 125 * 60_000, now), { unit: 'hours', count: 2 });
	});
});
