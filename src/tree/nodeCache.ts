/**
 * One node object per tree id. VS Code tracks elements by identity for `reveal` and `getParent`, so a row
 * that is re-rendered must be the same object with fresh data. Rows that leave a group are pruned when the
 * group is rebuilt, so the cache never outgrows what the tree shows.
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';
import type { ExecutionNode, GroupNode, LoadMoreNode, MessageAction, MessageCode, MessageNode } from './nodes';

export class NodeCache {
	private readonly groups = new Map<ExecutionStatus, GroupNode>();
	private readonly executions = new Map<string, ExecutionNode>();
	private readonly loadMores = new Map<ExecutionStatus, LoadMoreNode>();
	private readonly messages = new Map<string, MessageNode>();
	private readonly members = new Map<ExecutionStatus, ExecutionNode[]>();

	group(status: ExecutionStatus): GroupNode {
		let node = this.groups.get(status);
		if (node === undefined) {
			node = { kind: 'group', id: `group:${status}`, status, count: undefined, hasMore: true };
			this.groups.set(status, node);
		}
		return node;
	}

	/** The node for a row shown in `status`'s group, updated in place with the latest copy. */
	execution(execution: ExecutionView, status: ExecutionStatus): ExecutionNode {
		let node = this.executions.get(execution.executionId);
		if (node === undefined) {
			node = { kind: 'execution', id: `execution:${execution.executionId}`, status, execution };
			this.executions.set(execution.executionId, node);
		} else {
			node.execution = execution;
			node.status = status;
		}
		return node;
	}

	findExecution(executionId: string): ExecutionNode | undefined {
		return this.executions.get(executionId);
	}

	/** Every cached row node (those the tree shows, after pruning). */
	executionNodes(): IterableIterator<ExecutionNode> {
		return this.executions.values();
	}

	/** Records `status`'s rows after a rebuild and forgets rows that left it (and were not claimed elsewhere). */
	retain(status: ExecutionStatus, nodes: readonly ExecutionNode[]): void {
		const kept = new Set(nodes);
		for (const old of this.members.get(status) ?? []) {
			if (!kept.has(old) && old.status === status && this.executions.get(old.execution.executionId) === old) {
				this.executions.delete(old.execution.executionId);
			}
		}
		this.members.set(status, [...nodes]);
	}

	loadMore(status: ExecutionStatus): LoadMoreNode {
		let node = this.loadMores.get(status);
		if (node === undefined) {
			node = { kind: 'loadMore', id: `loadMore:${status}`, status };
			this.loadMores.set(status, node);
		}
		return node;
	}

	message(status: ExecutionStatus, code: MessageCode, severity: MessageNode['severity'], text: string, action?: MessageAction): MessageNode {
		const id = `message:${status}:${code}`;
		let node = this.messages.get(id);
		if (node === undefined) {
			node = { kind: 'message', id, status, code, severity, text, action };
			this.messages.set(id, node);
		} else {
			node.severity = severity;
			node.text = text;
			node.action = action;
		}
		return node;
	}

	/** After sign-out or a filter change nothing shown before is still valid. */
	clear(): void {
		this.executions.clear();
		this.members.clear();
		this.messages.clear();
	}
}
