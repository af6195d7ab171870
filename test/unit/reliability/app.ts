/**
 * The extension's vscode-free core wired as `extension.ts` wires it (credential store → session → guarded
 * client → executions model → tree children), against the real simulator on loopback. Only the UI edge is
 * replaced: sign-in prompts are counted, backoff sleeps are recorded (and skipped), and the log is recorded.
 */
import * as assert from 'node:assert/strict';
import { VeltClient } from '../../../src/api/client';
import type { ApiError } from '../../../src/api/errors';
import type { ExecutionStatus } from '../../../src/api/types';
import { CredentialStore } from '../../../src/auth/credentialStore';
import type { SecretStore } from '../../../src/auth/credentialStore';
import { Session } from '../../../src/auth/session';
import { Emitter } from '../../../src/common/event';
import type { Settings } from '../../../src/config/settings';
import { ExecutionsModel } from '../../../src/executions/executionsModel';
import type { GroupFailure } from '../../../src/executions/executionsModel';
import { buildGroupChildren } from '../../../src/tree/groupChildren';
import { NodeCache } from '../../../src/tree/nodeCache';
import type { MessageNode } from '../../../src/tree/nodes';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';
import { RecordingLogger } from '../api/harness';

/** No stored secrets: the session signs in with environment credentials, like a dev container. */
const noSecrets: SecretStore = {
	get: () => Promise.resolve(undefined),
	store: () => Promise.resolve(),
	delete: () => Promise.resolve(),
	onDidChange: new Emitter<{ key: string }>().event,
};

export interface AppOptions {
	readonly baseUrl: string;
	readonly requestTimeoutMs?: number;
	readonly pageSize?: number;
	/** Called for every backoff wait, before it is skipped (e.g. to bring a stopped server back). */
	readonly onSleep?: (ms: number) => void | Promise<void>;
}

/** What the user would see of one group: its rows' ids and its trailing row. */
export interface ShownGroup {
	readonly ids: string[];
	readonly trailing: MessageNode | { readonly kind: 'loadMore' } | undefined;
}

export class App {
	readonly logger = new RecordingLogger();
	/** Backoff delays the client asked for, in order. */
	readonly sleeps: number[] = [];
	/** Sign-in prompts (one per rejection of the credentials). */
	readonly prompts: ApiError[] = [];
	readonly failures: GroupFailure[] = [];
	readonly settings: { -readonly [K in keyof Settings]: Settings[K] };
	readonly session: Session;
	readonly model: ExecutionsModel;
	private readonly cache = new NodeCache();

	constructor(options: AppOptions) {
		this.settings = {
			apiBaseUrl: options.baseUrl,
			pageSize: options.pageSize ?? 10,
			requestTimeoutMs: options.requestTimeoutMs ?? 5000,
			pollIntervalMs: 0,
			notifyOnFinish: 'watched',
			showStatusBar: false,
		};
		const env = { VELT_API_KEY: SIM_API_KEY, VELT_AUTH_TOKEN: SIM_AUTH_TOKEN };
		const store = new CredentialStore(noSecrets, env, this.logger);
		const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
			this.sleeps.push(ms);
			await options.onSleep?.(ms);
			signal?.throwIfAborted();
		};
		this.session = new Session(store, () => this.settings, (o) => new VeltClient({ ...o, logger: this.logger, sleep }), this.logger);
		this.model = new ExecutionsModel({ getApi: () => this.session.api, getPageSize: () => this.settings.pageSize, logger: this.logger });
		// As `resetOnNewConnection` (src/app/services.ts): a rejection keeps the rows, any other change starts over.
		this.session.onDidChange((state) => state.kind !== 'rejected' && this.model.reset());
		this.session.onDidRejectCredentials((error) => this.prompts.push(error));
		this.model.onDidFail((failure) => this.failures.push(failure));
	}

	/** Like activation: reads settings and credentials once. */
	async start(): Promise<this> {
		await this.session.reload();
		assert.equal(this.session.state.kind, 'signedIn', 'signed in to the simulator');
		return this;
	}

	ids(status: ExecutionStatus): string[] {
		return this.model.group(status).items.map((e) => e.executionId);
	}

	/** The group's children as the tree builds them (vscode-free `buildGroupChildren`). */
	shown(status: ExecutionStatus): ShownGroup {
		const children = buildGroupChildren(this.model.group(status), this.cache);
		const ids = children.flatMap((node) => (node.kind === 'execution' ? [node.execution.executionId] : []));
		const last = children[children.length - 1];
		const trailing = last?.kind === 'message' ? last : last?.kind === 'loadMore' ? { kind: 'loadMore' as const } : undefined;
		return { ids, trailing };
	}

	/** Every row in the whole tree (all groups), for the "once in the whole tree" rule. */
	allIds(): string[] {
		return this.model.visibleStatuses().flatMap((status) => this.ids(status));
	}

	dispose(): void {
		this.model.dispose();
		this.session.dispose();
	}
}

/** Pages a group to its end (stops at the first error); returns how many requests that took. */
export async function pageToEnd(app: App, status: ExecutionStatus): Promise<number> {
	await app.model.ensureLoaded(status);
	for (let pages = 1; pages < 1000; pages++) {
		const group = app.model.group(status);
		if (!group.hasMore || group.error !== undefined) {
			return pages;
		}
		await app.model.loadMore(status);
	}
	throw new Error('paging did not end');
}

export function assertUnique(ids: readonly string[], what = 'rows'): void {
	const seen = new Set<string>();
	const twice = ids.filter((id) => seen.size === seen.add(id).size);
	assert.deepEqual(twice, [], `${what} shown twice`);
}
