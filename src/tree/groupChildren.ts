/**
 * What a status group shows, from the model's snapshot: its rows, then one trailing row that says what can
 * happen next (Load more…, Loading…, an error with Retry or Sign in, or why it is empty). vscode-free, so
 * the benchmark and unit tests build the exact children the tree shows. O(rows) with no per-row allocation
 * beyond the first time a row is seen.
 */
import type { ExecutionStatus } from '../api/types';
import type { GroupSnapshot } from '../executions/executionsModel';
import { statusLabel } from '../executions/format';
import type { NodeCache } from './nodeCache';
import type { ExecutionNode, ExecutionTreeNode, GroupNode, MessageNode } from './nodes';
import { formatMessage } from './translate';
import type { Translate } from './translate';

export function buildGroupChildren(group: GroupSnapshot, cache: NodeCache, t: Translate = formatMessage): ExecutionTreeNode[] {
	const { status } = group;
	syncGroupNode(cache.group(status), group);
	if (!group.loadedOnce) {
		const first = group.error === undefined ? cache.message(status, 'loading', 'info', t('Loading…')) : errorMessage(group, cache, t);
		return [first];
	}
	const children: ExecutionTreeNode[] = [];
	if (group.gap) {
		const text = t('Newer executions exist that are not loaded — Reload from top');
		children.push(cache.message(status, 'gap', 'warning', text, 'reloadFromTop'));
	}
	const rows: ExecutionNode[] = new Array<ExecutionNode>(group.items.length);
	group.items.forEach((execution, index) => {
		rows[index] = cache.execution(execution, status);
	});
	cache.retain(status, rows);
	for (const row of rows) {
		children.push(row);
	}
	children.push(...trailing(group, cache, t));
	return children;
}

/** The group row's own numbers (its description: `50+`, `137`). */
export function syncGroupNode(node: GroupNode, group: GroupSnapshot): GroupNode {
	node.count = group.loadedOnce ? group.items.length : undefined;
	node.hasMore = group.hasMore;
	return node;
}

function trailing(group: GroupSnapshot, cache: NodeCache, t: Translate): ExecutionTreeNode[] {
	const { status } = group;
	const out: ExecutionTreeNode[] = [];
	if (group.clientFiltered) {
		out.push(cache.message(status, 'scan', 'info', t('Scanned {0}, matched {1} (scope filter)', group.scanned, group.matched)));
	}
	if (group.loading) {
		out.push(cache.message(status, 'loading', 'info', t('Loading…')));
	} else if (group.error !== undefined) {
		out.push(errorMessage(group, cache, t));
	} else if (group.hasMore) {
		out.push(cache.loadMore(status));
	} else if (group.items.length === 0) {
		out.push(emptyMessage(group, cache, t));
	}
	return out;
}

function errorMessage(group: GroupSnapshot, cache: NodeCache, t: Translate): MessageNode {
	const error = group.error;
	if (error?.isAuthFailure === true) {
		return cache.message(group.status, 'error', 'error', t('Sign in again to load executions'), 'signIn');
	}
	if (group.filtered && error?.kind === 'invalidArgument') {
		// The server refused the filter (e.g. an unknown definitionId): retrying cannot help, changing it can.
		return cache.message(group.status, 'error', 'error', t('Filter refused — {0}', error.message), 'changeFilter');
	}
	const text = t('Could not load {0} executions: {1}', statusWord(group.status, t), error?.message ?? '');
	return cache.message(group.status, 'error', 'error', text, 'retry');
}

function emptyMessage(group: GroupSnapshot, cache: NodeCache, t: Translate): MessageNode {
	const word = statusWord(group.status, t);
	if (group.filtered) {
		return cache.message(group.status, 'empty', 'info', t('No {0} executions match the filter', word), 'changeFilter');
	}
	return cache.message(group.status, 'empty', 'info', t('No {0} executions', word));
}

function statusWord(status: ExecutionStatus, t: Translate): string {
	return t(statusLabel(status)).toLocaleLowerCase();
}
