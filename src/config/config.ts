import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import type { Logger } from '../common/logger';
import { normalizeSettings, type Settings } from './settings';

export type { Settings } from './settings';

/** Reads the `veltWorkflows.*` settings as one immutable, validated object (out-of-range values clamped). */
export function readSettings(logger?: Logger): Settings {
	const c = vscode.workspace.getConfiguration(CONFIG_SECTION);
	const { settings, warnings } = normalizeSettings({
		apiBaseUrl: c.get<unknown>('apiBaseUrl'),
		pageSize: c.get<unknown>('pageSize'),
		requestTimeoutSeconds: c.get<unknown>('requestTimeoutSeconds'),
		pollIntervalSeconds: c.get<unknown>('pollIntervalSeconds'),
		notifyOnFinish: c.get<unknown>('notifyOnFinish'),
		showStatusBar: c.get<unknown>('showStatusBar'),
	});
	for (const warning of warnings) {
		logger?.warn(warning);
	}
	return settings;
}

/** One listener for every `veltWorkflows.*` change; the callback receives the fresh settings. */
export function onDidChangeSettings(listener: (settings: Settings) => void, logger?: Logger): vscode.Disposable {
	return vscode.workspace.onDidChangeConfiguration((e) => {
		if (e.affectsConfiguration(CONFIG_SECTION)) {
			listener(readSettings(logger));
		}
	});
}
