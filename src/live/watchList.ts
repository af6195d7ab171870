/**
 * The executions the user asked to be told about, persisted in a `Memento` (the extension passes
 * `workspaceState`: a watch belongs to the window that set it, so one finish is announced in one window, not
 * in every open window). Ids are kept per API base URL, since an execution id means nothing in another
 * environment and must not be polled there.
 */
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import { Disposable } from '../common/lifecycle';

/** The part of `vscode.Memento` this needs. */
export interface MementoPort {
	get<T>(key: string): T | undefined;
	update(key: string, value: unknown): Thenable<void>;
}

export const WATCH_LIST_KEY = 'veltWorkflows.watchedExecutions';
/** Bounds what a forgotten watch can cost: each hidden watched execution may need its own request. */
export const MAX_WATCHED = 100;

type Stored = Record<string, string[]>;

export class WatchList extends Disposable {
	private readonly changeEmitter = this._register(new Emitter<string>());
	/** Fires with the execution id after an add or remove (e.g. to re-render that row's `watched` token). */
	readonly onDidChange: Event<string> = this.changeEmitter.event;

	constructor(
		private readonly memento: MementoPort,
		/** The environment the ids belong to, read on every call (the base URL can change at any time). */
		private readonly scope: () => string,
	) {
		super();
	}

	ids(): readonly string[] {
		return this.read()[this.scope()] ?? [];
	}

	has(executionId: string): boolean {
		return this.ids().includes(executionId);
	}

	/** Adds an id (newest last); the oldest watch is dropped beyond `MAX_WATCHED`. */
	async add(executionId: string): Promise<void> {
		if (this.has(executionId)) {
			return;
		}
		await this.write([...this.ids(), executionId].slice(-MAX_WATCHED));
		this.changeEmitter.fire(executionId);
	}

	async remove(executionId: string): Promise<void> {
		if (!this.has(executionId)) {
			return;
		}
		await this.write(this.ids().filter((id) => id !== executionId));
		this.changeEmitter.fire(executionId);
	}

	private read(): Stored {
		const value = this.memento.get<unknown>(WATCH_LIST_KEY);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			return {};
		}
		const stored: Stored = {};
		for (const [scope, ids] of Object.entries(value)) {
			if (Array.isArray(ids)) {
				stored[scope] = ids.filter((id): id is string => typeof id === 'string');
			}
		}
		return stored;
	}

	private async write(ids: string[]): Promise<void> {
		const stored = this.read();
		if (ids.length === 0) {
			delete stored[this.scope()];
		} else {
			stored[this.scope()] = ids;
		}
		await this.memento.update(WATCH_LIST_KEY, stored);
	}
}
