/**
 * Credentials per API base URL, kept only in VS Code's SecretStorage (injected through the narrow
 * `SecretStore` port so this file is unit-tested on plain Node). When nothing is stored, credentials from the
 * extension host's environment (`VELT_API_KEY` + `VELT_AUTH_TOKEN`, as dev containers provide) are used
 * without ever being written anywhere.
 */
import type { Credentials } from '../api/types';
import { EnvCredentials, SecretKeys } from '../constants';
import type { Event } from '../common/event';
import type { Logger } from '../common/logger';

/** The subset of `vscode.SecretStorage` we use. */
export interface SecretStore {
	get(key: string): Thenable<string | undefined>;
	store(key: string, value: string): Thenable<void>;
	delete(key: string): Thenable<void>;
	readonly onDidChange: Event<{ readonly key: string }>;
}

export type CredentialSource = 'secretStorage' | 'environment';

export interface ResolvedCredentials extends Credentials {
	readonly source: CredentialSource;
}

/** One spelling per base URL: lower-case origin plus path without trailing slashes. */
export function normalizeBaseUrl(baseUrl: string): string {
	try {
		const url = new URL(baseUrl.trim());
		const path = url.pathname.replace(/\/+$/, '');
		return `${url.protocol}//${url.host}${path}`.toLowerCase();
	} catch {
		return baseUrl.trim().replace(/\/+$/, '').toLowerCase();
	}
}

export class CredentialStore {
	private environmentIgnored = false;

	constructor(
		private readonly secrets: SecretStore,
		private readonly env: Readonly<Record<string, string | undefined>>,
		private readonly logger: Logger,
	) {}

	/** Fires when a credential secret of any base URL changes (also from another window). */
	readonly onDidChange: Event<{ readonly key: string }> = (listener, thisArgs, disposables) =>
		this.secrets.onDidChange(
			(e) => {
				if (e.key.startsWith(SecretKeys.apiKeyPrefix) || e.key.startsWith(SecretKeys.authTokenPrefix)) {
					listener.call(thisArgs, e);
				}
			},
			undefined,
			disposables,
		);

	/** Stored credentials for the base URL, else environment ones, else undefined. Never throws. */
	async get(baseUrl: string): Promise<ResolvedCredentials | undefined> {
		const stored = await this.getStored(baseUrl);
		if (stored) {
			return { ...stored, source: 'secretStorage' };
		}
		if (this.environmentIgnored) {
			return undefined;
		}
		const apiKey = this.env[EnvCredentials.apiKey]?.trim();
		const authToken = this.env[EnvCredentials.authToken]?.trim();
		if (apiKey && authToken) {
			return { apiKey, authToken, source: 'environment' };
		}
		return undefined;
	}

	async set(baseUrl: string, credentials: Credentials): Promise<void> {
		const key = normalizeBaseUrl(baseUrl);
		await this.secrets.store(SecretKeys.apiKeyPrefix + key, credentials.apiKey);
		await this.secrets.store(SecretKeys.authTokenPrefix + key, credentials.authToken);
	}

	/** After Sign Out, environment credentials stay unused in this window until the next sign-in. */
	ignoreEnvironment(ignore: boolean): void {
		this.environmentIgnored = ignore;
	}

	async clear(baseUrl: string): Promise<void> {
		const key = normalizeBaseUrl(baseUrl);
		await this.secrets.delete(SecretKeys.apiKeyPrefix + key);
		await this.secrets.delete(SecretKeys.authTokenPrefix + key);
	}

	private async getStored(baseUrl: string): Promise<Credentials | undefined> {
		const key = normalizeBaseUrl(baseUrl);
		try {
			const [apiKey, authToken] = await Promise.all([
				this.secrets.get(SecretKeys.apiKeyPrefix + key),
				this.secrets.get(SecretKeys.authTokenPrefix + key),
			]);
			return apiKey && authToken ? { apiKey, authToken } : undefined;
		} catch (e) {
			// A broken keychain must not take the extension down; the user sees the welcome view instead.
			this.logger.warn(`Could not read credentials from secret storage: ${e instanceof Error ? e.name : 'error'}`);
			return undefined;
		}
	}
}
