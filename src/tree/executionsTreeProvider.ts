/**
 * The executions tree's data provider. It only adapts: rows and states come from `ExecutionsModel`, node
 * building from `buildGroupChildren`, presentation from `toTreeItem`. A model change refreshes only the
 * group that changed (never the root unless the set of groups changed), so expansion, selection and
 * scroll position survive paging and refreshes.
 */
import * as vscode from 'vscode';
import type { ExecutionStatus } from '../api/types';
import { isTerminal } from '../api/types';
import { Disposable } from '../common/lifecycle';
import type { ExecutionsModel } from '../executions/executionsModel';
import { buildGroupChildren, syncGroupNode } from './groupChildren';
import { NodeCache } from './nodeCache';
import type { ExecutionNode, ExecutionTreeNode, GroupNode } from './nodes';
import { executionTooltip, toTreeItem } from './treeItems';
import type { Translate } from './translate';

export interface ExecutionsTreeOptions {
	/** Injectable clock for relative times. Default `Date.now`. */
	readonly now?: () => number;
	readonly t?: Translate;
	readonly isWatched?: (executionId: string) => boolean;
}

type TreeChange = ExecutionTreeNode | ExecutionTreeNode[] | undefined | void;

/** At most this many active rows are re-rendered per tick of the live duration timer. */
const MAX_TICKING_ROWS = 200;

export class ExecutionsTreeProvider extends Disposable implements vscode.TreeDataProvider<ExecutionTreeNode> {
	private readonly cache = new NodeCache();
	private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TreeChange>());
	readonly onDidChangeTreeData: vscode.Event<TreeChange> = this._onDidChangeTreeData.event;
	private building: ExecutionStatus | undefined;
	private readonly now: () => number;
	private readonly t: Translate;

	constructor(
		private readonly model: ExecutionsModel,
		private readonly options: ExecutionsTreeOptions = {},
	) {
		super();
		this.now = options.now ?? Date.now;
		this.t = options.t ?? ((message, ...args) => vscode.l10n.t(message, ...args));
		this._register(model.onDidChangeGroup((status) => this.groupChanged(status)));
	}

	getTreeItem(node: ExecutionTreeNode): vscode.TreeItem {
		if (node.kind === 'group') {
			syncGroupNode(node, this.model.group(node.status));
		}
		return toTreeItem(node, this.now(), { t: this.t, isWatched: this.options.isWatched });
	}

	/** Root: the visible groups (none while signed out, so the welcome view shows). A group: its rows. */
	getChildren(node?: ExecutionTreeNode): ExecutionTreeNode[] {
		if (node === undefined) {
			return this.model.hasApi ? this.model.visibleStatuses().map((status) => this.cache.group(status)) : [];
		}
		if (node.kind !== 'group') {
			return [];
		}
		this.building = node.status;
		try {
			void this.model.ensureLoaded(node.status);
		} finally {
			this.building = undefined;
		}
		return buildGroupChildren(this.model.group(node.status), this.cache, this.t);
	}

	getParent(node: ExecutionTreeNode): ExecutionTreeNode | undefined {
		return node.kind === 'group' ? undefined : this.cache.group(node.status);
	}

	resolveTreeItem(item: vscode.TreeItem, node: ExecutionTreeNode): vscode.TreeItem {
		if (node.kind === 'execution') {
			item.tooltip = executionTooltip(node, this.now(), this.t);
		}
		return item;
	}

	groupNode(status: ExecutionStatus): GroupNode {
		return this.cache.group(status);
	}

	/**
	 * The node for a loaded row in a visible group, for `TreeView.reveal`; created ahead of the group's
	 * rebuild if need be (the rebuild then reuses it).
	 */
	executionNode(executionId: string): ExecutionNode | undefined {
		const execution = this.model.findExecution(executionId);
		if (execution === undefined || !this.model.visibleStatuses().includes(execution.status)) {
			return undefined;
		}
		return this.cache.execution(execution, execution.status);
	}

	/** Shown rows that are still pending or running (their durations tick locally). O(active rows). */
	activeExecutionNodes(): ExecutionNode[] {
		const active: ExecutionNode[] = [];
		for (const status of this.model.visibleStatuses().filter((s) => !isTerminal(s))) {
			for (const execution of this.model.group(status).items) {
				const node = this.cache.findExecution(execution.executionId);
				if (node !== undefined) {
					active.push(node);
				}
				if (active.length >= MAX_TICKING_ROWS) {
					return active;
				}
			}
		}
		return active;
	}

	/** Re-renders active rows only (descriptions with live durations); no API call. */
	tick(): void {
		const active = this.activeExecutionNodes();
		if (active.length > 0) {
			this._onDidChangeTreeData.fire(active);
		}
	}

	/** Re-renders one row, e.g. after it was watched or unwatched. */
	refreshExecution(executionId: string): void {
		const node = this.cache.findExecution(executionId);
		if (node !== undefined) {
			this._onDidChangeTreeData.fire(node);
		}
	}

	private groupChanged(status: ExecutionStatus | undefined): void {
		if (status === undefined) {
			this.cache.clear();
			this._onDidChangeTreeData.fire(undefined);
			return;
		}
		// The change `getChildren` itself caused (loading started) is already in what it returns.
		if (status !== this.building && this.model.visibleStatuses().includes(status)) {
			this._onDidChangeTreeData.fire(this.cache.group(status));
		}
	}
}
