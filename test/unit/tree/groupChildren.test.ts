import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { ExecutionStatus } from '../../../src/api/types';
import type { GroupSnapshot } from '../../../src/executions/executionsModel';
import { statusArgument, executionIdArgument } from '../../../src/tree/commandArgs';
import { buildGroupChildren } from '../../../src/tree/groupChildren';
import { NodeCache } from '../../../src/tree/nodeCache';
import type { ExecutionTreeNode } from '../../../src/tree/nodes';
import { executions } from '../executions/builders';

function snapshot(init: Partial<GroupSnapshot> & { status?: ExecutionStatus } = {}): GroupSnapshot {
	return {
		status: 'failed',
		items: [],
		hasMore: true,
		loading: false,
		error: undefined,
		gap: false,
		scanned: 0,
		matched: 0,
		loadedOnce: true,
		clientFiltered: false,
		filtered: false,
		...init,
	};
}

/** `id` of every child, plus the text of message rows: what a user (or an integration test) sees. */
function shown(children: ExecutionTreeNode[]): string[] {
	return children.map((node) => (node.kind === 'message' ? `${node.id} "${node.text}" ${node.action ?? '-'}` : node.id));
}

describe('buildGroupChildren', () => {
	it('shows Loading… before the first page arrives', () => {
		const children = buildGroupChildren(snapshot({ loadedOnce: false, loading: true }), new NodeCache());
		assert.deepEqual(shown(children), ['message:failed:loading "Loading…" -']);
	});

	it('shows rows then a trailing Load more… while more exist, and counts rows on the group node', () => {
		const cache = new NodeCache();
		const items = executions(3, 'failed');
		const children = buildGroupChildren(snapshot({ items }), cache);
		assert.deepEqual(shown(children), [...items.map((e) => `execution:${e.executionId}`), 'loadMore:failed']);
		assert.deepEqual([cache.group('failed').count, cache.group('failed').hasMore], [3, true]);
	});

	it('shows Loading… instead of Load more… while the next page loads', () => {
		const children = buildGroupChildren(snapshot({ items: executions(2, 'failed'), loading: true }), new NodeCache());
		assert.equal(shown(children).at(-1), 'message:failed:loading "Loading…" -');
	});

	it('keeps loaded rows and ends with the error and a Retry action when a page fails', () => {
		const error = new ApiError('server', 'HTTP 503 UNAVAILABLE');
		const children = buildGroupChildren(snapshot({ items: executions(2, 'failed'), error }), new NodeCache());
		assert.equal(children.length, 3);
		assert.equal(shown(children).at(-1), 'message:failed:error "Could not load failed executions: HTTP 503 UNAVAILABLE" retry');
	});

	it('asks to sign in again on an auth failure, even before any row loaded', () => {
		const error = new ApiError('permission', 'PERMISSION_DENIED');
		const children = buildGroupChildren(snapshot({ loadedOnce: false, error }), new NodeCache());
		assert.deepEqual(shown(children), ['message:failed:error "Sign in again to load executions" signIn']);
	});

	it('offers to change the filter, not Retry, when the server refuses a filtered request', () => {
		const error = new ApiError('invalidArgument', 'Unknown definitionId: nope', { apiStatus: 'INVALID_ARGUMENT' });
		const filtered = buildGroupChildren(snapshot({ loadedOnce: false, error, filtered: true }), new NodeCache());
		assert.deepEqual(shown(filtered), ['message:failed:error "Filter refused — Unknown definitionId: nope" changeFilter']);
		const unfiltered = buildGroupChildren(snapshot({ loadedOnce: false, error }), new NodeCache());
		assert.equal(shown(unfiltered)[0]?.endsWith(' retry'), true);
	});

	it('says a group is empty, and offers to change the filter when one narrows it', () => {
		const plain = buildGroupChildren(snapshot({ status: 'cancelled', hasMore: false }), new NodeCache());
		assert.deepEqual(shown(plain), ['message:cancelled:empty "No cancelled executions" -']);
		const filtered = buildGroupChildren(snapshot({ hasMore: false, filtered: true }), new NodeCache());
		assert.deepEqual(shown(filtered), ['message:failed:empty "No failed executions match the filter" changeFilter']);
	});

	it('puts the gap notice first, with Reload from top', () => {
		const children = buildGroupChildren(snapshot({ items: executions(1, 'failed'), gap: true }), new NodeCache());
		assert.equal(shown(children)[0], 'message:failed:gap "Newer executions exist that are not loaded — Reload from top" reloadFromTop');
	});

	it('reports the client-side scan before Load more…', () => {
		const children = buildGroupChildren(snapshot({ items: executions(1, 'failed'), clientFiltered: true, scanned: 50, matched: 1 }), new NodeCache());
		assert.deepEqual(shown(children).slice(-2), ['message:failed:scan "Scanned 50, matched 1 (scope filter)" -', 'loadMore:failed']);
	});

	it('returns the same node object for a row across rebuilds, with the fresh data', () => {
		const cache = new NodeCache();
		const [first] = executions(1, 'running');
		assert.ok(first);
		const before = buildGroupChildren(snapshot({ status: 'running', items: [first] }), cache)[0];
		const updated = { ...first, correlationId: 'c-2' };
		const after = buildGroupChildren(snapshot({ status: 'running', items: [updated] }), cache)[0];
		assert.equal(after, before);
		assert.equal(after?.kind === 'execution' && after.execution.correlationId, 'c-2');
		assert.equal(cache.findExecution(first.executionId), before);
	});

	it('forgets rows that left the group, but not rows another group has claimed', () => {
		const cache = new NodeCache();
		const rows = executions(3, 'running');
		buildGroupChildren(snapshot({ status: 'running', items: rows }), cache);
		const moved = { ...(rows[1] as (typeof rows)[number]), status: 'completed' as const };
		buildGroupChildren(snapshot({ status: 'completed', items: [moved] }), cache);
		buildGroupChildren(snapshot({ status: 'running', items: [rows[2] as (typeof rows)[number]] }), cache);
		assert.equal(cache.findExecution(rows[0]?.executionId ?? ''), undefined, 'gone from the tree: pruned');
		assert.equal(cache.findExecution(moved.executionId)?.status, 'completed');
		assert.ok(cache.findExecution(rows[2]?.executionId ?? ''));
	});
});

describe('tree command arguments', () => {
	it('accepts a status or any node that carries one', () => {
		const cache = new NodeCache();
		assert.equal(statusArgument('failed'), 'failed');
		assert.equal(statusArgument(cache.group('running')), 'running');
		assert.equal(statusArgument(cache.loadMore('pending')), 'pending');
		assert.equal(statusArgument('bogus'), undefined);
		assert.equal(statusArgument({ status: 'failed' }), undefined, 'not a tree node');
	});

	it('accepts an execution id or an execution node', () => {
		const cache = new NodeCache();
		const [execution] = executions(1, 'failed');
		assert.ok(execution);
		assert.equal(executionIdArgument(execution.executionId), execution.executionId);
		assert.equal(executionIdArgument(cache.execution(execution, 'failed')), execution.executionId);
		assert.equal(executionIdArgument(cache.group('failed')), undefined);
		assert.equal(executionIdArgument('  '), undefined);
	});
});
