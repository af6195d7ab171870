/**
 * Execution-panel helpers for integration tests: count the panels through VS Code's tab model, and look at the
 * editor area alone. The tree shows every status word as a group label, so a status word is only evidence of
 * what a panel shows while the side bar is hidden.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { textVisible } from './ui';

/** VS Code prefixes an extension's webview viewType in the tab model (`mainThreadWebview-<viewType>`). */
const VIEW_TYPE = 'veltWorkflows.execution';

export function executionPanelTabs(): vscode.Tab[] {
	return vscode.window.tabGroups.all
		.flatMap((group) => group.tabs)
		.filter((tab) => tab.input instanceof vscode.TabInputWebview && isExecutionViewType(tab.input.viewType));
}

export function isExecutionViewType(viewType: string): boolean {
	return viewType === VIEW_TYPE || viewType.endsWith(`-${VIEW_TYPE}`);
}

/** The label of the active tab when it is an execution panel (the panel title), else undefined. */
export function activeExecutionPanelLabel(): string | undefined {
	const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
	return tab?.input instanceof vscode.TabInputWebview && isExecutionViewType(tab.input.viewType) ? tab.label : undefined;
}

/** Runs `look` with the side bar closed (so tree labels cannot match), then opens the Velt view again. */
export async function withSidebarHidden<T>(look: () => Promise<T>): Promise<T> {
	await vscode.commands.executeCommand('workbench.action.closeSidebar');
	try {
		return await look();
	} finally {
		await vscode.commands.executeCommand('workbench.view.extension.veltWorkflows');
	}
}

/** Whether some element outside the side bar (in practice: the visible panel) reads exactly `text`. */
export async function editorShowsExactly(text: string, timeoutMs = 5000): Promise<boolean> {
	return withSidebarHidden(() => textVisible(text, { exact: true, timeoutMs }));
}

/** Opens a panel by command and waits until its webview shows the execution's heading (`Execution <id>`). */
export async function openPanel(id: string): Promise<void> {
	await vscode.commands.executeCommand('veltWorkflows.openExecution', id);
	assert.equal(await textVisible(`Execution ${id}`, { timeoutMs: 15000 }), true, `panel of ${id} not shown`);
}

/**
 * Wraps the current (stubbed) `showWarningMessage` to record whether each call was modal: `stubWindow()` keeps
 * only text and actions. Call after `stubWindow()`; its `restore()` removes this wrapper too.
 */
export function recordWarningOptions(): { readonly modal: boolean[] } {
	const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
	const stubbed = window['showWarningMessage'];
	const seen = { modal: [] as boolean[] };
	window['showWarningMessage'] = (text: unknown, ...rest: unknown[]): Thenable<unknown> => {
		const options = rest[0];
		seen.modal.push(typeof options === 'object' && options !== null && (options as { modal?: boolean }).modal === true);
		return stubbed ? stubbed(text, ...rest) : Promise.resolve(undefined);
	};
	return seen;
}
