/**
 * `LiveUpdates`: the VS Code side of live updates, kept thin. It feeds the vscode-free `LivePoller` with what
 * only VS Code knows (view visibility, expanded groups, window focus, settings), and renders what it decides
 * (notifications, "Updated 12 s ago", the status bar item). Live durations need no request and are ticked
 * where they are drawn: the tree view's own active-row timer and the panel's client. Commands are registered
 * by the app: `watch`, `unwatch` and `isWatched` are their handlers.
 */
import * as vscode from 'vscode';
import type { ExecutionStatus } from '../api/types';
import { isExecutionStatus, isTerminal } from '../api/types';
import type { Event } from '../common/event';
import type { IDisposable } from '../common/lifecycle';
import { Disposable } from '../common/lifecycle';
import type { Logger } from '../common/logger';
import type { Settings } from '../config/settings';
import { Commands } from '../constants';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { LivePoller } from './livePoller';
import { showFinishNotice } from './notifier';
import type { OpenExecution, OpenExecutionOptions } from './notifier';
import type { LiveApiPort, LiveModelPort, LivePanelsPort } from './ports';
import { LiveStatusBar } from './statusBar';
import { agoParts, UPDATED_TICK_MS, Ticker } from './ticker';
import type { FinishNotice } from './transitions';
import { WatchList } from './watchList';
import type { MementoPort } from './watchList';

/** The parts of the executions `TreeView` this needs. */
export interface LiveTreeView {
	readonly visible: boolean;
	readonly onDidChangeVisibility: vscode.Event<vscode.TreeViewVisibilityChangeEvent>;
	readonly onDidExpandElement: vscode.Event<vscode.TreeViewExpansionEvent<unknown>>;
	readonly onDidCollapseElement: vscode.Event<vscode.TreeViewExpansionEvent<unknown>>;
	description?: string;
}

export interface LiveUpdatesDeps {
	readonly model: LiveModelPort;
	readonly treeView: LiveTreeView;
	/** The tree provider: re-renders a row whose watch state changed (its `watched` context token). */
	readonly tree?: { refreshExecution(executionId: string): void };
	readonly panels?: LivePanelsPort;
	readonly getApi: () => LiveApiPort | undefined;
	readonly settings: () => Settings;
	readonly onDidChangeSettings: (listener: (settings: Settings) => void) => IDisposable;
	/** `context.workspaceState`: watches belong to this window. */
	readonly memento: MementoPort;
	readonly logger: Logger;
	/** Where "Updated 12 s ago" goes (e.g. the view message's `updated` part); default the view description. */
	readonly updatedTarget?: { message: string | undefined };
	/** Notification actions; default the panel's `open`, else the `openExecution` command. */
	readonly openExecution?: OpenExecution;
	readonly clock?: Clock;
}

export class LiveUpdates extends Disposable {
	private readonly watchList: WatchList;
	private readonly poller: LivePoller;
	private readonly statusBar: LiveStatusBar;
	private readonly ticker: Ticker;
	private readonly clock: Clock;
	private readonly updatedTarget: { message: string | undefined };
	/** Fires with the id whose watch state changed (tree context values, panel button). */
	readonly onDidChangeWatched: Event<string>;

	constructor(private readonly deps: LiveUpdatesDeps) {
		super();
		const { model, treeView, panels } = deps;
		this.clock = deps.clock ?? systemClock;
		this.updatedTarget = deps.updatedTarget ?? descriptionTarget(treeView);
		this.watchList = this._register(new WatchList(deps.memento, () => deps.settings().apiBaseUrl));
		this.onDidChangeWatched = this.watchList.onDidChange;
		const open = deps.openExecution ?? ((id: string, options?: OpenExecutionOptions) => panels?.open?.(id, options) ?? vscode.commands.executeCommand(Commands.openExecution, id));
		const notify = (notice: FinishNotice): void => {
			showFinishNotice(notice, open, deps.logger).catch((e: unknown) => deps.logger.warn(`Notification failed: ${String(e)}`));
		};
		this.poller = this._register(new LivePoller({ ...deps, watchList: this.watchList, notify, clock: this.clock }));
		this.statusBar = this._register(new LiveStatusBar(model));
		this.ticker = this._register(new Ticker(this.clock, UPDATED_TICK_MS, () => this.renderUpdated()));
		this.wire();
		this.poller.setWindowFocused(vscode.window.state.focused);
		this.setVisible(treeView.visible);
		this.statusBar.setEnabled(deps.settings().showStatusBar);
	}

	/** Command handler: notify once when the execution finishes. False when it already has. */
	async watch(executionId: string): Promise<boolean> {
		const known = this.deps.model.findExecution(executionId);
		if (known !== undefined && isTerminal(known.status)) {
			void vscode.window.showInformationMessage(vscode.l10n.t('{0} has already finished.', known.definitionId));
			return false;
		}
		await this.watchList.add(executionId);
		this.deps.logger.info(`Watching execution ${executionId}.`);
		if (this.deps.settings().notifyOnFinish === 'off') {
			void vscode.window.showWarningMessage(vscode.l10n.t('Watching, but finish notifications are turned off (veltWorkflows.notifyOnFinish).'));
		} else {
			vscode.window.setStatusBarMessage(vscode.l10n.t('Watching {0}: you will be notified when it finishes.', known?.definitionId ?? executionId), 5000);
		}
		return true;
	}

	/** Command handler. */
	async unwatch(executionId: string): Promise<void> {
		await this.watchList.remove(executionId);
		this.deps.logger.info(`Stopped watching execution ${executionId}.`);
	}

	isWatched(executionId: string): boolean {
		return this.watchList.has(executionId);
	}

	/** Test hook: one poll round now (nothing while paused); resolves when its requests settled. */
	pollNow(): Promise<void> {
		return this.poller.pollNow();
	}

	private wire(): void {
		const { treeView, model, tree, panels } = this.deps;
		this._register(treeView.onDidChangeVisibility((e) => this.setVisible(e.visible)));
		this._register(treeView.onDidExpandElement((e) => this.setExpanded(e.element, true)));
		this._register(treeView.onDidCollapseElement((e) => this.setExpanded(e.element, false)));
		this._register(vscode.window.onDidChangeWindowState((state) => this.poller.setWindowFocused(state.focused)));
		this._register(this.deps.onDidChangeSettings((settings) => {
			this.poller.applySettings();
			this.statusBar.setEnabled(settings.showStatusBar);
		}));
		this._register(model.onDidChangeGroup(() => this.renderUpdated()));
		this._register(this.watchList.onDidChange((id) => {
			tree?.refreshExecution(id);
			panels?.notifyWatchChanged?.(id);
		}));
	}

	private setVisible(visible: boolean): void {
		this.poller.setViewVisible(visible);
		this.ticker.setRunning(visible);
		this.renderUpdated();
	}

	private setExpanded(element: unknown, expanded: boolean): void {
		const status = groupStatusOf(element);
		if (status !== undefined) {
			this.poller.setGroupExpanded(status, expanded);
		}
	}

	private renderUpdated(): void {
		const last = this.poller.lastUpdatedAt;
		const text = last === undefined ? undefined : updatedText(last, this.clock.now());
		if (this.updatedTarget.message !== text) {
			this.updatedTarget.message = text;
		}
	}
}

/** Tree group nodes are `{ kind: 'group', status }` (src/tree/nodes.ts); anything else is not a group. */
export function groupStatusOf(element: unknown): ExecutionStatus | undefined {
	if (typeof element !== 'object' || element === null) {
		return undefined;
	}
	const node = element as { kind?: unknown; status?: unknown };
	return node.kind === 'group' && isExecutionStatus(node.status) ? node.status : undefined;
}

function updatedText(last: number, now: number): string {
	const ago = agoParts(last, now);
	switch (ago.unit) {
		case 'now':
			return vscode.l10n.t('Updated just now');
		case 'seconds':
			return vscode.l10n.t('Updated {0} s ago', ago.count);
		case 'minutes':
			return vscode.l10n.t('Updated {0} min ago', ago.count);
		case 'hours':
			return vscode.l10n.t('Updated {0} h ago', ago.count);
	}
}

function descriptionTarget(treeView: LiveTreeView): { message: string | undefined } {
	return {
		get message(): string | undefined {
			return treeView.description;
		},
		set message(value: string | undefined) {
			treeView.description = value;
		},
	};
}
