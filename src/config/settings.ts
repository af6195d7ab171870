/**
 * vscode-free validation of the extension's settings, so the clamping rules are unit-tested on plain Node.
 * Settings never hold secrets; credentials live in SecretStorage only.
 */

export type NotifyOnFinish = 'off' | 'watched' | 'failedOnly' | 'all';

export interface Settings {
	readonly apiBaseUrl: string;
	readonly pageSize: number;
	readonly requestTimeoutMs: number;
	/** 0 = live updates off; otherwise at least 5000. */
	readonly pollIntervalMs: number;
	readonly notifyOnFinish: NotifyOnFinish;
	readonly showStatusBar: boolean;
}

export const DEFAULT_BASE_URL = 'https://api.velt.dev';

export interface RawSettings {
	readonly apiBaseUrl: unknown;
	readonly pageSize: unknown;
	readonly requestTimeoutSeconds: unknown;
	readonly pollIntervalSeconds: unknown;
	readonly notifyOnFinish: unknown;
	readonly showStatusBar: unknown;
}

const NOTIFY_VALUES: readonly NotifyOnFinish[] = ['off', 'watched', 'failedOnly', 'all'];

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function clamp(name: string, value: number, min: number, max: number, warnings: string[]): number {
	if (value < min || value > max) {
		const clamped = Math.min(max, Math.max(min, value));
		warnings.push(`Setting veltWorkflows.${name} = ${value} is outside ${min}–${max}; using ${clamped}.`);
		return clamped;
	}
	return value;
}

export function normalizeSettings(raw: RawSettings): { settings: Settings; warnings: string[] } {
	const warnings: string[] = [];
	const base = typeof raw.apiBaseUrl === 'string' && raw.apiBaseUrl.trim() !== '' ? raw.apiBaseUrl.trim() : DEFAULT_BASE_URL;
	const pageSize = clamp('pageSize', Math.round(numberOr(raw.pageSize, 50)), 1, 500, warnings);
	const timeoutSeconds = clamp('requestTimeoutSeconds', numberOr(raw.requestTimeoutSeconds, 30), 1, 600, warnings);
	let poll = numberOr(raw.pollIntervalSeconds, 15);
	if (poll < 0) {
		warnings.push(`Setting veltWorkflows.pollIntervalSeconds = ${poll} is negative; live updates are off.`);
		poll = 0;
	} else if (poll > 0 && poll < 5) {
		warnings.push(`Setting veltWorkflows.pollIntervalSeconds = ${poll} is below the minimum of 5; using 5.`);
		poll = 5;
	}
	const notify = NOTIFY_VALUES.find((v) => v === raw.notifyOnFinish) ?? 'watched';
	return {
		settings: {
			apiBaseUrl: base,
			pageSize,
			requestTimeoutMs: Math.round(timeoutSeconds * 1000),
			pollIntervalMs: Math.round(poll * 1000),
			notifyOnFinish: notify,
			showStatusBar: raw.showStatusBar === true,
		},
		warnings,
	};
}
