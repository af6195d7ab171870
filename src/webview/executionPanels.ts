/**
 * All open execution panels, one per execution id: opening an id that is already open reveals its panel
 * instead of making a second one. Also the serializer that brings panels back after a window reload (the client
 * stores `{ executionId }` with `setState`; restore re-fetches, nothing stale is trusted).
 */
import * as vscode from 'vscode';
import type { ExecutionView } from '../api/types';
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import { Disposable, toDisposable } from '../common/lifecycle';
import { WEBVIEW_VIEW_TYPE } from '../constants';
import { ExecutionPanel } from './executionPanel';
import type { ExecutionPanelDeps } from './executionPanel';
import { isExecutionPanelState } from './panelState';

export type ExecutionPanelsDeps = ExecutionPanelDeps;

export class ExecutionPanels extends Disposable {
	private readonly panels = new Map<string, ExecutionPanel>();
	private readonly _onDidChangePanels = this._register(new Emitter<void>());
	/** Fires when a panel opens, closes, or is shown/hidden (pollers watch visible panels only). */
	readonly onDidChangePanels: Event<void> = this._onDidChangePanels.event;

	constructor(private readonly deps: ExecutionPanelsDeps) {
		super();
		this._register(toDisposable(() => this.disposePanels()));
	}

	/**
	 * Shows the execution, reusing its panel; resolves once the first load has finished (errors show inside).
	 * `showFailure` (from a finish notification) scrolls to the failed step.
	 */
	async open(executionId: string, options: { readonly showFailure?: boolean } = {}): Promise<void> {
		const id = executionId.trim();
		if (!isExecutionPanelState({ executionId: id })) {
			this.deps.logger.debug('Ignored a request to open an empty or oversized execution id');
			return;
		}
		const existing = this.panels.get(id);
		const panel = existing ?? this.track(ExecutionPanel.create(id, this.deps));
		if (options.showFailure === true) {
			panel.revealFailure();
		}
		if (existing !== undefined) {
			existing.reveal();
			return;
		}
		await panel.session.load();
	}

	async refresh(executionId: string): Promise<void> {
		await this.panels.get(executionId)?.session.load();
	}

	has(executionId: string): boolean {
		return this.panels.has(executionId);
	}

	openExecutionIds(): string[] {
		return [...this.panels.keys()];
	}

	visibleExecutionIds(): string[] {
		return [...this.panels.values()].filter((p) => p.visible).map((p) => p.executionId);
	}

	/** Live update from a poller: shows the newer view without a request of its own. */
	update(executionId: string, view: ExecutionView): void {
		this.panels.get(executionId)?.session.update(view);
	}

	/** Watch state changed elsewhere (tree context menu, notification): refresh the panel's button. */
	notifyWatchChanged(executionId: string): void {
		this.panels.get(executionId)?.session.postWatching();
	}

	/** Register once at activation (`onWebviewPanel:veltWorkflows.execution` activates us for it). */
	registerSerializer(): vscode.Disposable {
		return vscode.window.registerWebviewPanelSerializer(WEBVIEW_VIEW_TYPE, {
			deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
		});
	}

	private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
		if (!isExecutionPanelState(state) || this.panels.has(state.executionId)) {
			this.deps.logger.debug('Closed a restored execution panel without a usable state');
			panel.dispose();
			return;
		}
		await this.track(new ExecutionPanel(panel, state.executionId, this.deps)).session.load();
	}

	private track(panel: ExecutionPanel): ExecutionPanel {
		this.panels.set(panel.executionId, panel);
		panel.onDidDispose(() => {
			if (this.panels.get(panel.executionId) === panel) {
				this.panels.delete(panel.executionId);
				this._onDidChangePanels.fire();
			}
		});
		panel.onDidChangeVisibility(() => this._onDidChangePanels.fire());
		this._onDidChangePanels.fire();
		return panel;
	}

	private disposePanels(): void {
		const panels = [...this.panels.values()];
		this.panels.clear();
		for (const panel of panels) {
			panel.dispose();
		}
	}
}
