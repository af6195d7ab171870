/**
 * The optional status bar item (`veltWorkflows.showStatusBar`): how many running and failed executions the
 * tree has loaded, so a glance tells whether something needs attention; a click focuses the view. It
 * counts loaded rows only and says so: it never asks the API for totals.
 */
import * as vscode from 'vscode';
import { Views } from '../constants';
import { Disposable } from '../common/lifecycle';
import type { LiveModelPort } from './ports';

export interface StatusCounts {
	/** Undefined when the group has not been loaded. */
	readonly running: number | undefined;
	readonly failed: number | undefined;
	readonly more: { readonly running: boolean; readonly failed: boolean };
}

export function statusCounts(model: LiveModelPort): StatusCounts {
	const count = (status: 'running' | 'failed'): number | undefined => {
		const group = model.group(status);
		return group.loadedOnce ? group.items.length : undefined;
	};
	const more = (status: 'running' | 'failed'): boolean => model.group(status).hasMore === true;
	return { running: count('running'), failed: count('failed'), more: { running: more('running'), failed: more('failed') } };
}

export class LiveStatusBar extends Disposable {
	private readonly item: vscode.StatusBarItem;
	private enabled = false;

	constructor(private readonly model: LiveModelPort) {
		super();
		this.item = this._register(vscode.window.createStatusBarItem('veltWorkflows.status', vscode.StatusBarAlignment.Left, 0));
		this.item.name = vscode.l10n.t('Velt Executions');
		this.item.command = `${Views.executions}.focus`;
		this._register(model.onDidChangeGroup(() => this.render()));
	}

	/** Shows or hides the item (the setting). */
	setEnabled(enabled: boolean): void {
		this.enabled = enabled;
		this.render();
	}

	/** The item's current text, for tests. */
	get text(): string {
		return this.item.text;
	}

	render(): void {
		if (!this.enabled) {
			this.item.hide();
			return;
		}
		const counts = statusCounts(this.model);
		const shown = (n: number | undefined, more: boolean): string => (n === undefined ? '–' : `${n}${more ? '+' : ''}`);
		const running = shown(counts.running, counts.more.running);
		const failed = shown(counts.failed, counts.more.failed);
		this.item.text = `$(sync) ${running}  $(error) ${failed}`;
		const summary = vscode.l10n.t('Velt: {0} running and {1} failed executions loaded', running, failed);
		this.item.tooltip = `${summary}. ${vscode.l10n.t('Click to show the Executions view.')}`;
		this.item.accessibilityInformation = { label: summary, role: 'button' };
		this.item.show();
	}
}
