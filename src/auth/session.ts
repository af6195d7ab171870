/**
 * The connection to one Velt environment: the configured base URL, its credentials and the API client built
 * from them. Every change (sign in/out, base URL, secrets changed in another window) starts a new generation;
 * calls of an older generation are discarded. vscode-free: the UI observes `onDidChange`.
 */
import type { ApiError } from '../api/errors';
import type { VeltApi } from '../api/veltApi';
import { Emitter } from '../common/event';
import { Disposable } from '../common/lifecycle';
import type { Logger } from '../common/logger';
import type { Settings } from '../config/settings';
import { checkBaseUrl } from '../api/baseUrl';
import type { CredentialSource, CredentialStore } from './credentialStore';
import { GuardedApi } from './guardedApi';

export type SessionState =
	| { readonly kind: 'signedOut' }
	| { readonly kind: 'insecureUrl'; readonly message: string }
	| { readonly kind: 'signedIn'; readonly source: CredentialSource }
	| { readonly kind: 'rejected'; readonly source: CredentialSource; readonly error: ApiError };

export type ClientFactory = (options: { baseUrl: string; timeoutMs: number; credentials: () => { apiKey: string; authToken: string } }) => VeltApi;

export class Session extends Disposable {
	private generation = 0;
	/** Counts rejections, so only a call started after the latest one can report that the credentials work again. */
	private rejections = 0;
	private reloadRequest = 0;
	private currentState: SessionState = { kind: 'signedOut' };
	private currentApi: VeltApi | undefined;
	/** What the current generation was built from; an identical reload keeps the generation. */
	private currentKey: string | undefined;
	private readonly changeEmitter = this._register(new Emitter<SessionState>());
	private readonly rejectEmitter = this._register(new Emitter<ApiError>());
	private readonly recoverEmitter = this._register(new Emitter<SessionState>());

	/** Fires after every reload and on credential rejection. */
	readonly onDidChange = this.changeEmitter.event;
	/** Fires once per generation when the API rejects the credentials (drives the single sign-in prompt). */
	readonly onDidRejectCredentials = this.rejectEmitter.event;
	/**
	 * Fires when a rejected generation's credentials work again (a call started after the rejection succeeded).
	 * Not an `onDidChange`: the connection is the same, so nothing loaded is reset.
	 */
	readonly onDidRecover = this.recoverEmitter.event;

	constructor(
		private readonly store: CredentialStore,
		private readonly getSettings: () => Settings,
		private readonly createClient: ClientFactory,
		private readonly logger: Logger,
	) {
		super();
	}

	get state(): SessionState {
		return this.currentState;
	}

	get baseUrl(): string {
		return this.getSettings().apiBaseUrl;
	}

	/** The API for the current generation, or undefined when signed out or the URL is refused. */
	get api(): VeltApi | undefined {
		return this.currentApi;
	}

	/**
	 * Re-reads settings and credentials. Starts a new generation (aborting the old one's calls) only when the
	 * base URL, timeout or credentials changed, or when `force` (an explicit sign-in) asks for it.
	 */
	async reload(force = false): Promise<void> {
		const request = ++this.reloadRequest;
		const settings = this.getSettings();
		const checked = checkBaseUrl(settings.apiBaseUrl);
		const credentials = checked.ok ? await this.store.get(settings.apiBaseUrl) : undefined;
		if (request !== this.reloadRequest) {
			return; // a newer reload won the race
		}
		const key = JSON.stringify([settings.apiBaseUrl, settings.requestTimeoutMs, checked.ok, credentials?.apiKey, credentials?.authToken, credentials?.source]);
		if (!force && key === this.currentKey) {
			return; // nothing changed: keep the current generation and its calls
		}
		this.currentKey = key;
		const generation = ++this.generation;
		if (!checked.ok) {
			this.logger.warn(`API base URL refused: ${checked.message}`);
			this.setState({ kind: 'insecureUrl', message: checked.message }, undefined);
			return;
		}
		if (!credentials) {
			this.setState({ kind: 'signedOut' }, undefined);
			return;
		}
		const { apiKey, authToken } = credentials;
		const client = this.createClient({ baseUrl: settings.apiBaseUrl, timeoutMs: settings.requestTimeoutMs, credentials: () => ({ apiKey, authToken }) });
		const api = new GuardedApi(client, {
			isCurrent: () => generation === this.generation,
			onAuthFailure: (e) => this.reject(generation, e),
			ticket: () => this.rejections,
			onSuccess: (ticket) => this.recover(generation, ticket),
		});
		this.logger.info(`Connected to ${settings.apiBaseUrl} with credentials from ${credentials.source === 'environment' ? 'the environment' : 'secret storage'}.`);
		this.setState({ kind: 'signedIn', source: credentials.source }, api);
	}

	private reject(generation: number, error: ApiError): void {
		const state = this.currentState;
		if (generation !== this.generation || state.kind !== 'signedIn') {
			return; // already rejected in this generation: one prompt, not one per group or retry
		}
		this.logger.warn(`The API rejected the credentials for ${this.baseUrl} (${error.apiStatus ?? error.kind}).`);
		this.rejections++;
		this.currentState = { kind: 'rejected', source: state.source, error };
		this.changeEmitter.fire(this.currentState);
		this.rejectEmitter.fire(error);
	}

	private recover(generation: number, ticket: number): void {
		const state = this.currentState;
		if (generation !== this.generation || state.kind !== 'rejected' || ticket !== this.rejections) {
			return; // nothing to recover, or the call started before the rejection (its success proves nothing)
		}
		this.logger.info(`The API accepts the credentials for ${this.baseUrl} again.`);
		this.currentState = { kind: 'signedIn', source: state.source };
		this.recoverEmitter.fire(this.currentState);
	}

	private setState(state: SessionState, api: VeltApi | undefined): void {
		this.currentState = state;
		this.currentApi = api;
		this.changeEmitter.fire(state);
	}
}
