/**
 * Creates the `veltWorkflows.executions` tree view around an `ExecutionsModel`: the provider, view-scoped
 * progress while any visible group loads, and a local one-second timer that re-renders active rows (live
 * durations, no API calls) only while the view is visible. Commands are wired by the app; the functions at
 * the bottom are what tree commands call so selection follows the user's action.
 */
import * as vscode from 'vscode';
import type { ExecutionStatus } from '../api/types';
import { Views } from '../constants';
import type { ExecutionsModel } from '../executions/executionsModel';
import { ExecutionsTreeProvider } from './executionsTreeProvider';
import type { ExecutionsTreeOptions } from './executionsTreeProvider';
import type { ExecutionTreeNode } from './nodes';

export interface ExecutionsView {
	readonly treeView: vscode.TreeView<ExecutionTreeNode>;
	readonly provider: ExecutionsTreeProvider;
	dispose(): void;
}

const TICK_MS = 1000;

export function createExecutionsView(model: ExecutionsModel, options: ExecutionsTreeOptions = {}): ExecutionsView {
	const provider = new ExecutionsTreeProvider(model, options);
	const treeView = vscode.window.createTreeView(Views.executions, { treeDataProvider: provider, showCollapseAll: true });
	const progress = new ViewProgress(model);
	const ticker = new ActiveRowTicker(treeView, provider);
	const subscriptions: vscode.Disposable[] = [
		model.onDidChangeGroup(() => progress.update()),
		treeView.onDidChangeVisibility(() => ticker.update()),
		provider.onDidChangeTreeData(() => ticker.update()),
	];
	ticker.update();
	return {
		treeView,
		provider,
		dispose: () => {
			for (const subscription of subscriptions) {
				subscription.dispose();
			}
			ticker.dispose();
			progress.dispose();
			treeView.dispose();
			provider.dispose();
		},
	};
}

/** Loads the next page, then selects the first new row so the user's place moves with the list. */
export async function loadMoreAndReveal(view: ExecutionsView, model: ExecutionsModel, status: ExecutionStatus): Promise<void> {
	const before = model.group(status).items.length;
	await model.loadMore(status);
	const first = model.group(status).items[before];
	await revealExecution(view, first?.executionId);
}

/** Selects a row the tree has already shown (e.g. after opening an execution by id). False if unknown. */
export async function revealExecution(view: ExecutionsView, executionId: string | undefined): Promise<boolean> {
	const node = executionId === undefined ? undefined : view.provider.executionNode(executionId);
	if (node === undefined || !view.treeView.visible) {
		return false;
	}
	await view.treeView.reveal(node, { select: true, focus: false, expand: false });
	return true;
}

/** One `withProgress` in the view's title area while any visible group is loading. */
class ViewProgress implements vscode.Disposable {
	private done: (() => void) | undefined;

	constructor(private readonly model: ExecutionsModel) {}

	update(): void {
		const loading = this.model.visibleStatuses().some((status) => this.model.group(status).loading);
		if (loading && this.done === undefined) {
			const finished = new Promise<void>((resolve) => {
				this.done = resolve;
			});
			void vscode.window.withProgress({ location: { viewId: Views.executions } }, () => finished);
		} else if (!loading) {
			this.dispose();
		}
	}

	dispose(): void {
		this.done?.();
		this.done = undefined;
	}
}

/** Runs a timer only while the view is visible and shows active rows. */
class ActiveRowTicker implements vscode.Disposable {
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly treeView: vscode.TreeView<ExecutionTreeNode>,
		private readonly provider: ExecutionsTreeProvider,
	) {}

	update(): void {
		const wanted = this.treeView.visible && this.provider.activeExecutionNodes().length > 0;
		if (wanted && this.timer === undefined) {
			this.timer = setInterval(() => this.provider.tick(), TICK_MS);
		} else if (!wanted) {
			this.dispose();
		}
	}

	dispose(): void {
		if (this.timer !== undefined) {
			clearInterval(this.timer);
			this.timer = undefined;
		}
	}
}
