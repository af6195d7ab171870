/**
 * Composition root: builds the objects, wires them together and hands every disposable to VS Code.
 * No behaviour lives here; each feature's file says what it does.
 */
import * as vscode from 'vscode';
import { clientFactory, refreshOneExecution, registerExecutionLinkHandler, resetOnNewConnection } from './app/services';
import { ViewMessage } from './app/viewMessage';
import { CredentialStore } from './auth/credentialStore';
import { Session } from './auth/session';
import { bindSessionUi } from './auth/sessionUi';
import { signIn } from './auth/signIn';
import { signOut } from './auth/signOut';
import { registerCommands } from './commands/index';
import { SettingsStore } from './config/config';
import { LOG_CHANNEL_NAME } from './constants';
import { ExecutionsModel } from './executions/executionsModel';
import { DefinitionsCache } from './filter/definitionsCache';
import { FilterController } from './filter/filterController';
import { LiveUpdates } from './live/liveUpdates';
import { createExecutionsView, revealExecution } from './tree/executionsView';
import { ExecutionPanels } from './webview/executionPanels';

/** Returned from `activate` for integration tests and other extensions; nothing here bypasses the UI's rules. */
export interface VeltWorkflowsApi {
	/** One live-update round now (nothing while the view is hidden or the window unfocused). */
	pollNow(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): VeltWorkflowsApi {
	const logger = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
	const settingsStore = new SettingsStore(logger);
	const settings = (): typeof settingsStore.current => settingsStore.current;
	const createClient = clientFactory(logger);
	const store = new CredentialStore(context.secrets, process.env, logger);
	const session = new Session(store, settings, createClient, logger);
	const getApi = (): typeof session.api => session.api;
	const model = new ExecutionsModel({ getApi, getPageSize: () => settings().pageSize, logger });
	// Panels and live updates need each other (watch button ↔ panel refresh): the watch side is late-bound.
	const watching: { live?: LiveUpdates } = {};
	const isWatched = (id: string): boolean => watching.live?.isWatched(id) ?? false;
	const view = createExecutionsView(model, { isWatched });
	const message = new ViewMessage(view.treeView);
	const panels = new ExecutionPanels({
		extensionUri: context.extensionUri,
		getApi,
		logger,
		onDidCancel: refreshOneExecution(session, model, logger),
		watch: { isWatched, toggle: (id, on) => void (on ? watching.live?.watch(id) : watching.live?.unwatch(id)) },
	});
	const live = (watching.live = new LiveUpdates({
		model, treeView: view.treeView, tree: view.provider, panels, getApi, settings, logger,
		onDidChangeSettings: settingsStore.onDidChange,
		memento: context.workspaceState, updatedTarget: message.partTarget('updated'),
	}));
	const definitions = new DefinitionsCache({ connection: () => session, logger });
	const filter = new FilterController({ model, treeView: message.partTarget('filter'), memento: context.workspaceState, definitions, getApi, logger });
	context.subscriptions.push(
		logger, settingsStore, session, model, view, panels, live, definitions, filter,
		resetOnNewConnection(session, model, panels),
		bindSessionUi(session, message),
		panels.registerSerializer(),
		registerExecutionLinkHandler(panels, logger),
		settingsStore.onDidChange(() => void session.reload()),
		store.onDidChange(() => void session.reload()),
		registerCommands({
			logger, model, view, filter, live,
			executions: { getApi, findExecution: (id) => model.findExecution(id), openPanel: (id) => panels.open(id), reveal: (id) => revealExecution(view, id) },
			signIn: () => signIn({ store, createClient, baseUrl: () => session.baseUrl, timeoutMs: () => settings().requestTimeoutMs, logger, onSignedIn: () => session.reload(true) }),
			signOut: () => signOut(store, session, logger),
		}),
	);
	void session.reload();
	return { pollNow: () => live.pollNow() };
}

export function deactivate(): void {
	// Everything is disposed through context.subscriptions.
}
