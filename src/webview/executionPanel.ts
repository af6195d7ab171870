/**
 * One webview panel showing one execution. It owns the `WebviewPanel`, serves the static shell, waits for the
 * client's `ready` (sent again whenever a hidden panel's webview reloads) and replays the session snapshot,
 * and turns validated client messages into actions. No credentials or API objects ever cross into the page.
 */
import * as vscode from 'vscode';
import { isTerminal } from '../api/types';
import { Commands, WEBVIEW_VIEW_TYPE } from '../constants';
import type { VeltApi } from '../api/veltApi';
import { assertNever } from '../common/assert';
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import { Disposable, toDisposable } from '../common/lifecycle';
import type { Logger } from '../common/logger';
import { ExecutionSession } from './executionSession';
import { createNonce, renderShell } from './html';
import { confirmCancel, copyText, executionJson, openWebUrl } from './panelActions';
import { isFromWebviewMessage } from './protocol';
import type { FromWebview, ToWebview } from './protocol';
import { describeWebviewError, statusWord, webviewStrings } from './strings';


export interface WatchController {
	isWatched(executionId: string): boolean;
	toggle(executionId: string, on: boolean): void;
}

export interface ExecutionPanelDeps {
	readonly extensionUri: vscode.Uri;
	readonly getApi: () => VeltApi | undefined;
	readonly logger: Logger;
	readonly onDidCancel?: (executionId: string) => void;
	readonly watch?: WatchController;
}

export type { ExecutionPanelState } from './panelState';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableCommandUris: false,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
	};
}

export class ExecutionPanel extends Disposable {
	private readonly _onDidDispose = this._register(new Emitter<void>());
	readonly onDidDispose: Event<void> = this._onDidDispose.event;
	private readonly _onDidChangeVisibility = this._register(new Emitter<boolean>());
	readonly onDidChangeVisibility: Event<boolean> = this._onDidChangeVisibility.event;
	readonly session: ExecutionSession;
	private ready = false;
	private pendingFailureReveal = false;
	private cancelFlow = false;

	/** Opens a new editor-area panel; `adopt` (the constructor) is for panels VS Code restores. */
	static create(executionId: string, deps: ExecutionPanelDeps): ExecutionPanel {
		const panel = vscode.window.createWebviewPanel(WEBVIEW_VIEW_TYPE, executionId, vscode.ViewColumn.Active, {
			...webviewOptions(deps.extensionUri),
			enableFindWidget: true,
		});
		return new ExecutionPanel(panel, executionId, deps);
	}

	constructor(
		readonly panel: vscode.WebviewPanel,
		readonly executionId: string,
		private readonly deps: ExecutionPanelDeps,
	) {
		super();
		this.session = this._register(
			new ExecutionSession({
				executionId,
				getApi: deps.getApi,
				strings: webviewStrings,
				describeError: (error) => describeWebviewError(error, executionId),
				isWatched: () => deps.watch?.isWatched(executionId) ?? false,
				canWatch: deps.watch !== undefined,
				logger: deps.logger,
			}),
		);
		panel.title = executionId;
		panel.webview.options = webviewOptions(deps.extensionUri);
		panel.webview.html = this.shell();
		this.wire();
	}

	get visible(): boolean {
		return this.panel.visible;
	}

	reveal(): void {
		this.panel.reveal(undefined, false);
	}

	/** Brings the failure into view once the webview is ready (now, or after its next `ready`). */
	revealFailure(): void {
		this.pendingFailureReveal = true;
		this.flushReveal();
	}

	private flushReveal(): void {
		if (this.ready && this.pendingFailureReveal) {
			this.pendingFailureReveal = false;
			void this.panel.webview.postMessage({ type: 'revealFailure' } satisfies ToWebview);
		}
	}

	override dispose(): void {
		if (!this._store.isDisposed) {
			this._onDidDispose.fire();
			super.dispose();
		}
	}

	private wire(): void {
		this._register(this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
		this._register(
			this.session.onDidPost((message) => {
				if (this.ready) {
					void this.panel.webview.postMessage(message);
				}
			}),
		);
		this._register(this.session.onDidChangeExecution((view) => this.setTitle(view.definitionId, view.status)));
		this._register(
			this.panel.onDidChangeViewState(({ webviewPanel }) => {
				if (!webviewPanel.visible) {
					this.ready = false; // its webview is torn down; the next `ready` gets a full snapshot
				}
				this._onDidChangeVisibility.fire(webviewPanel.visible);
			}),
		);
		this._register(this.panel.onDidDispose(() => this.dispose()));
		this._register(
			toDisposable(() => {
				this.panel.dispose();
			}),
		);
	}

	private shell(): string {
		const webview = this.panel.webview;
		const asset = (...path: string[]): string =>
			webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...path)).toString();
		return renderShell({
			cspSource: webview.cspSource,
			nonce: createNonce(),
			scriptUri: asset('dist', 'webview.js'),
			styleUri: asset('media', 'webview.css'),
			codiconUri: asset('dist', 'codicons', 'codicon.css'),
			title: this.executionId,
			lang: vscode.env.language,
		});
	}

	private setTitle(definitionId: string, status: string): void {
		this.panel.title = `${definitionId} · ${statusWord(webviewStrings(), status)} · ${this.executionId}`;
	}

	private receive(message: unknown): void {
		if (!isFromWebviewMessage(message)) {
			this.deps.logger.debug(`Execution panel ${this.executionId}: ignored a malformed or unknown message`);
			return;
		}
		void this.handle(message).catch((error: unknown) =>
			this.deps.logger.error(`Execution panel ${this.executionId}: ${message.type} failed: ${String(error)}`),
		);
	}

	private async handle(message: FromWebview): Promise<void> {
		switch (message.type) {
			case 'ready':
				this.ready = true;
				for (const snapshot of this.session.snapshot()) {
					await this.panel.webview.postMessage(snapshot);
				}
				this.flushReveal();
				return;
			case 'refresh':
				return this.session.load();
			case 'copyJson':
				return this.session.execution === undefined
					? undefined
					: copyText(executionJson(this.session.execution), 'JSON');
			case 'copyId':
				return copyText(this.executionId, this.executionId);
			case 'cancel':
				return this.cancel();
			case 'watch':
			case 'unwatch':
				this.deps.watch?.toggle(this.executionId, message.type === 'watch');
				return this.session.postWatching();
			case 'loadMoreEvents':
				return this.session.loadMoreEvents();
			case 'signIn':
				await vscode.commands.executeCommand(Commands.signIn);
				return this.session.load();
			case 'openExternal':
				return openWebUrl(message.url, this.deps.logger);
			default:
				assertNever(message, 'webview message');
		}
	}

	private async cancel(): Promise<void> {
		const execution = this.session.execution;
		if (this.cancelFlow || execution === undefined || isTerminal(execution.status)) {
			return;
		}
		this.cancelFlow = true;
		try {
			const answer = await confirmCancel(this.executionId);
			if (answer !== undefined && (await this.session.cancel(answer.reason))) {
				this.deps.onDidCancel?.(this.executionId);
			}
		} finally {
			this.cancelFlow = false;
		}
	}
}
