/**
 * The one place that turns tree nodes into `TreeItem`s: labels, ids, descriptions, icons, accessible
 * labels, context values and click commands. The ids and words here are the UI contract (product spec).
 */
import * as vscode from 'vscode';
import type { ExecutionStatus } from '../api/types';
import { isTerminal } from '../api/types';
import { assertNever } from '../common/assert';
import { Commands } from '../constants';
import { describeExecutionTiming, statusLabel } from '../executions/format';
import type { ExecutionNode, ExecutionTreeNode, GroupNode, LoadMoreNode, MessageAction, MessageNode } from './nodes';
import { executionAccessibleLabel, executionTooltipMarkdown } from './tooltip';
import type { Translate } from './translate';

/** Tree-only command (not in the palette): forget a group's rows and load page 1 again. */
/** Tree-only commands (registered by the app, hidden from the palette). */
export const TreeCommands = {
	reloadGroupFromTop: Commands.reloadGroupFromTop,
} as const;

export interface TreeItemOptions {
	readonly t?: Translate;
	/** Adds the `watched` context token (watch/unwatch menus). */
	readonly isWatched?: (executionId: string) => boolean;
}

const STATUS_ICONS: Readonly<Record<ExecutionStatus, readonly [string, string]>> = {
	pending: ['clock', 'charts.yellow'],
	running: ['loading~spin', 'charts.blue'],
	completed: ['pass', 'testing.iconPassed'],
	failed: ['error', 'testing.iconFailed'],
	cancelled: ['circle-slash', 'disabledForeground'],
};

const l10n: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export function toTreeItem(node: ExecutionTreeNode, now: number, options: TreeItemOptions = {}): vscode.TreeItem {
	const t = options.t ?? l10n;
	switch (node.kind) {
		case 'group':
			return groupItem(node, t);
		case 'execution':
			return executionItem(node, now, t, options.isWatched?.(node.execution.executionId) ?? false);
		case 'loadMore':
			return loadMoreItem(node, t);
		case 'message':
			return messageItem(node, t);
		default:
			return assertNever(node, 'tree node');
	}
}

export function statusIcon(status: ExecutionStatus): vscode.ThemeIcon {
	const [icon, color] = STATUS_ICONS[status];
	return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

/** The lazily resolved tooltip: untrusted, no HTML, all API text escaped. */
export function executionTooltip(node: ExecutionNode, now: number, t: Translate = l10n): vscode.MarkdownString {
	const markdown = new vscode.MarkdownString(executionTooltipMarkdown(node.execution, now, t), false);
	markdown.isTrusted = false;
	markdown.supportHtml = false;
	return markdown;
}

function groupItem(node: GroupNode, t: Translate): vscode.TreeItem {
	const item = new vscode.TreeItem(t(statusLabel(node.status)), vscode.TreeItemCollapsibleState.Collapsed);
	item.id = node.id;
	item.contextValue = 'group';
	if (node.count !== undefined) {
		item.description = `${node.count}${node.hasMore ? '+' : ''}`;
		const label = node.hasMore ? t('{0}, {1} or more loaded', t(statusLabel(node.status)), node.count) : t('{0}, {1}', t(statusLabel(node.status)), node.count);
		item.accessibilityInformation = { label };
	}
	return item;
}

function executionItem(node: ExecutionNode, now: number, t: Translate, watched: boolean): vscode.TreeItem {
	const { execution } = node;
	const item = new vscode.TreeItem(execution.definitionId, vscode.TreeItemCollapsibleState.None);
	item.id = node.id;
	const timing = describeExecutionTiming(execution, now);
	// Watching is said in words on the row, so it shows without opening a menu.
	item.description = watched ? t('watching · {0}', timing) : timing;
	item.iconPath = statusIcon(execution.status);
	const accessible = executionAccessibleLabel(execution, now, t);
	item.accessibilityInformation = { label: watched ? t('{0}, watched', accessible) : accessible };
	const tokens = ['execution', execution.status];
	if (!isTerminal(execution.status)) {
		tokens.push('active');
	}
	if (watched) {
		tokens.push('watched');
	}
	item.contextValue = tokens.join(' ');
	item.command = { command: Commands.openExecution, title: t('Open Execution'), arguments: [execution.executionId] };
	return item;
}

function loadMoreItem(node: LoadMoreNode, t: Translate): vscode.TreeItem {
	const item = new vscode.TreeItem(t('Load more…'), vscode.TreeItemCollapsibleState.None);
	item.id = node.id;
	item.contextValue = 'loadMore';
	item.accessibilityInformation = { label: t('Load more {0} executions', t(statusLabel(node.status)).toLocaleLowerCase()) };
	item.command = { command: Commands.loadMore, title: t('Load More'), arguments: [node.status] };
	return item;
}

function messageItem(node: MessageNode, t: Translate): vscode.TreeItem {
	const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
	item.id = node.id;
	item.contextValue = node.action === 'retry' ? 'message retry' : 'message';
	item.iconPath = messageIcon(node);
	item.tooltip = node.text;
	if (node.action !== undefined) {
		item.command = actionCommand(node.action, node.status, t);
	}
	return item;
}

function messageIcon(node: MessageNode): vscode.ThemeIcon {
	if (node.code === 'loading') {
		return new vscode.ThemeIcon('loading~spin');
	}
	if (node.code === 'scan') {
		return new vscode.ThemeIcon('filter');
	}
	switch (node.severity) {
		case 'error':
			return new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
		case 'warning':
			return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
		case 'info':
			return new vscode.ThemeIcon('info');
		default:
			return assertNever(node.severity, 'severity');
	}
}

function actionCommand(action: MessageAction, status: ExecutionStatus, t: Translate): vscode.Command {
	switch (action) {
		case 'retry':
			return { command: Commands.retryGroup, title: t('Retry'), arguments: [status] };
		case 'signIn':
			return { command: Commands.signIn, title: t('Sign In') };
		case 'reloadFromTop':
			return { command: TreeCommands.reloadGroupFromTop, title: t('Reload from top'), arguments: [status] };
		case 'changeFilter':
			return { command: Commands.filter, title: t('Change filter') };
		default:
			return assertNever(action, 'message action');
	}
}
