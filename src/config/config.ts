import * as vscode from 'vscode';
import { Emitter } from '../common/event';
import { Disposable } from '../common/lifecycle';
import type { Logger } from '../common/logger';
import { CONFIG_SECTION } from '../constants';
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

/**
 * The current settings, read once and again on every `veltWorkflows.*` change (one listener for the whole
 * extension). Listeners run after `current` is updated, so they all see the same values.
 */
export class SettingsStore extends Disposable {
	private value: Settings;
	private readonly changed = this._register(new Emitter<Settings>());
	readonly onDidChange = this.changed.event;

	constructor(logger: Logger) {
		super();
		this.value = readSettings(logger);
		this._register(
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(CONFIG_SECTION)) {
					this.value = readSettings(logger);
					this.changed.fire(this.value);
				}
			}),
		);
	}

	get current(): Settings {
		return this.value;
	}
}
