import assert from 'node:assert/strict';
import type { StepView } from '../../../src/api/types';
import { approxJsonSize, fill, formatBytes, formatDuration, formatRelative } from '../../../src/webview/format';
import { orderSteps, parentStepId } from '../../../src/webview/stepOrder';
import { aStep, realisticExecution, ROOT_STEP, T0 } from '../../webview/builders';

describe('step order', () => {
	it('sorts by start time, never-started last, ties by step id', () => {
		const steps: StepView[] = [
			aStep({ stepId: 'c', nodeId: 'c', nodeType: 'agent', startedAt: null }),
			aStep({ stepId: 'b', nodeId: 'b', nodeType: 'agent', startedAt: T0 + 5 }),
			aStep({ stepId: 'a2', nodeId: 'a2', nodeType: 'agent', startedAt: T0 }),
			aStep({ stepId: 'a1', nodeId: 'a1', nodeType: 'agent', startedAt: T0 }),
		];
		assert.deepEqual(orderSteps(steps).map((s) => s.step.stepId), ['a1', 'a2', 'b', 'c']);
	});

	it('nests `__to__` children under their parent step and group fan-out under the group members', () => {
		const ordered = orderSteps(realisticExecution().steps);
		const depth = new Map(ordered.map((s) => [s.step.nodeId, s.depth]));
		assert.deepEqual(Object.fromEntries(depth), {
			'agent-draft': 0,
			'human-brand': 1,
			'human-legal': 1,
			'webhook-publish': 2,
			'notify-team': 2,
		});
		assert.equal(parentStepId(`${ROOT_STEP}__to__human-legal`), ROOT_STEP);
		assert.equal(parentStepId(ROOT_STEP), undefined);
	});

	it('treats a parent that is not in the list as a root and survives group cycles', () => {
		const steps: StepView[] = [
			aStep({ stepId: 'missing__to__x', nodeId: 'x', nodeType: 'human' }),
			aStep({ stepId: 'group_g__to__m', nodeId: 'm', nodeType: 'human', groupId: 'g' }),
		];
		const depths = orderSteps(steps).map((s) => [s.step.nodeId, s.depth]);
		assert.deepEqual(Object.fromEntries(depths), { x: 0, m: 1 });
	});
});

describe('format helpers', () => {
	it('formats durations compactly', () => {
		assert.equal(formatDuration(850), '850 ms');
		assert.equal(formatDuration(12_400), '12s');
		assert.equal(formatDuration(133_000), '2m 13s');
		assert.equal(formatDuration(3_720_000), '1h 02m');
		assert.equal(formatDuration(2 * 86_400_000 + 3_600_000), '2d 1h');
		assert.equal(formatDuration(-5), '0 ms');
		assert.equal(formatDuration(Number.NaN), '0 ms');
	});

	it('formats sizes and estimates JSON sizes without building the string', () => {
		assert.equal(formatBytes(512), '512 B');
		assert.equal(formatBytes(2048), '2.0 KB');
		assert.equal(formatBytes(1_048_576), '1.0 MB');
		const value = { a: 'xyz', b: [1, 2, { c: null }], d: true };
		const exact = JSON.stringify(value).length;
		assert.ok(Math.abs(approxJsonSize(value) - exact) <= 6, `${approxJsonSize(value)} vs ${exact}`);
		const wide = { items: Array.from({ length: 100_000 }, (_, i) => `item ${i}`) };
		assert.ok(approxJsonSize(wide, 100) < 200_000, 'stops walking the items once past the cap');
		assert.ok(approxJsonSize(wide) > 800_000);
	});

	it('fills placeholders and formats relative times in the given locale', () => {
		assert.equal(fill('Steps ({0}) of {1}, {2}', 3, 'x'), 'Steps (3) of x, {2}');
		assert.equal(formatRelative(T0 - 180_000, T0, 'en'), '3 minutes ago');
		assert.equal(formatRelative(T0 + 5_000, T0, 'en'), 'in 5 seconds');
		assert.equal(formatRelative(T0 - (8 * 60 + 34) * 60_000, T0, 'en'), '8 hours ago', 'truncated like the tree row');
		assert.ok(formatRelative(T0, T0, 'not a locale!').length > 0, 'a bad locale tag falls back instead of throwing');
	});
});
