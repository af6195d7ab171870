import * as assert from 'node:assert/strict';
import type { ExecutionStatus } from '../../../src/api/types';
import type { NotifyOnFinish } from '../../../src/config/settings';
import { decideNotifications, TransitionTracker } from '../../../src/live/transitions';
import type { FinishedExecution } from '../../../src/live/transitions';

function execution(executionId: string, status: ExecutionStatus, message?: string): FinishedExecution {
	return {
		executionId,
		status,
		definitionId: 'marketing-copy-approval',
		failureReason: message === undefined ? null : { code: 'STEP_FAILED', message },
	};
}

const none = (): boolean => false;

function decide(setting: NotifyOnFinish, watched: string[], previous: [string, ExecutionStatus][], fresh: FinishedExecution[]): string[] {
	return decideNotifications({
		previous: new Map(previous),
		fresh,
		setting,
		isWatched: (id) => watched.includes(id),
		alreadyNotified: none,
	}).map((n) => `${n.execution.executionId}:${n.reason}`);
}

describe('decideNotifications', () => {
	const previous: [string, ExecutionStatus][] = [
		['w', 'running'],
		['ok', 'running'],
		['bad', 'pending'],
		['stop', 'running'],
	];
	const fresh = [execution('w', 'completed'), execution('ok', 'completed'), execution('bad', 'failed', 'boom'), execution('stop', 'cancelled')];

	it('off: nothing, not even watched executions', () => {
		assert.deepEqual(decide('off', ['w'], previous, fresh), []);
	});

	it('watched: only watched executions', () => {
		assert.deepEqual(decide('watched', ['w'], previous, fresh), ['w:watched']);
	});

	it('failedOnly: watched ones, plus polled executions that fail', () => {
		assert.deepEqual(decide('failedOnly', ['w'], previous, fresh), ['w:watched', 'bad:polled']);
	});

	it('all: watched ones, plus every polled execution that finishes', () => {
		assert.deepEqual(decide('all', ['w'], previous, fresh), ['w:watched', 'ok:polled', 'bad:polled', 'stop:polled']);
	});

	it('announces a watched execution even without a seen transition (it finished while away)', () => {
		assert.deepEqual(decide('watched', ['w'], [], [execution('w', 'failed', 'x')]), ['w:watched']);
	});

	it('does not announce unwatched rows first seen already finished', () => {
		assert.deepEqual(decide('all', [], [], [execution('old', 'completed'), execution('older', 'failed')]), []);
	});

	it('ignores non-terminal statuses and repeats within one batch', () => {
		assert.deepEqual(decide('all', ['w'], previous, [execution('w', 'running'), execution('ok', 'completed'), execution('ok', 'completed')]), ['ok:polled']);
	});
});

describe('TransitionTracker', () => {
	it('announces each execution at most once, across batches and sources', () => {
		const tracker = new TransitionTracker();
		const watched = (id: string): boolean => id === 'w';
		assert.deepEqual(tracker.observe([execution('a', 'running'), execution('w', 'running')], 'all', watched), []);
		const first = tracker.observe([execution('a', 'failed', 'boom'), execution('w', 'completed')], 'all', watched);
		assert.deepEqual(first.map((n) => n.execution.executionId), ['a', 'w']);
		assert.equal(first[0]?.execution.failureReason?.message, 'boom');
		assert.deepEqual(tracker.observe([execution('a', 'failed'), execution('w', 'completed')], 'all', watched), []);
	});

	it('remembers non-terminal statuses only', () => {
		const tracker = new TransitionTracker();
		tracker.observe([execution('a', 'pending')], 'watched', none);
		assert.equal(tracker.lastActiveStatus('a'), 'pending');
		tracker.observe([execution('a', 'running')], 'watched', none);
		assert.equal(tracker.lastActiveStatus('a'), 'running');
		tracker.observe([execution('a', 'completed')], 'watched', none);
		assert.equal(tracker.lastActiveStatus('a'), undefined);
		assert.deepEqual(tracker.observe([execution('a', 'completed')], 'all', none), [], 'no transition left to announce');
	});

	it('a finish seen under "watched" for an unwatched execution is not announced later under "all"', () => {
		const tracker = new TransitionTracker();
		tracker.observe([execution('a', 'running')], 'watched', none);
		tracker.observe([execution('a', 'completed')], 'watched', none);
		assert.deepEqual(tracker.observe([execution('a', 'completed')], 'all', none), []);
	});

	it('reset forgets statuses and announcements', () => {
		const tracker = new TransitionTracker();
		tracker.observe([execution('a', 'running')], 'all', none);
		tracker.reset();
		assert.deepEqual(tracker.observe([execution('a', 'failed')], 'all', none), []);
	});
});
