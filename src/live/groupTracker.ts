/**
 * Follows the model's groups for what live updates need to know, whoever caused the change (a poll, the
 * Refresh button, Load more, a panel):
 *
 * - when each group last received data (to skip a poll right after a load, and for "Updated 12 s ago");
 * - which executions were seen unfinished, and what became of them. A finished execution simply drops out
 *   of the Running list, so an unfinished row that leaves its group without showing up in another one is
 *   queued as a follow-up, to be fetched on its own (that is how it reaches Completed, and how a finish is
 *   noticed at all).
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';
import { EXECUTION_STATUSES, isTerminal } from '../api/types';
import { Emitter } from '../common/event';
import type { Event } from '../common/event';
import { Disposable } from '../common/lifecycle';
import type { Clock } from './clock';
import type { LiveModelPort } from './ports';

export class GroupTracker extends Disposable {
	private readonly unfinished = new Map<ExecutionStatus, Set<string>>();
	private readonly loading = new Map<ExecutionStatus, boolean>();
	private readonly freshAt = new Map<ExecutionStatus, number>();
	private readonly followUps = new Set<string>();
	private readonly observeEmitter = this._register(new Emitter<readonly ExecutionView[]>());
	private readonly freshEmitter = this._register(new Emitter<ExecutionStatus>());

	/** Executions whose current status the model just showed (unfinished rows, and rows that moved). */
	readonly onDidObserve: Event<readonly ExecutionView[]> = this.observeEmitter.event;
	/** A group finished loading without error. */
	readonly onDidReceiveData: Event<ExecutionStatus> = this.freshEmitter.event;

	constructor(
		private readonly model: LiveModelPort,
		private readonly clock: Clock,
	) {
		super();
		EXECUTION_STATUSES.forEach((status) => this.resync(status));
		this._register(model.onDidChangeGroup((status) => this.onChange(status)));
	}

	/** When the group last finished a load or refresh without error. */
	lastDataAt(status: ExecutionStatus): number | undefined {
		return this.freshAt.get(status);
	}

	/** The latest `lastDataAt` over the given groups. */
	latestDataAt(statuses: readonly ExecutionStatus[]): number | undefined {
		const times = statuses.map((s) => this.freshAt.get(s)).filter((t): t is number => t !== undefined);
		return times.length === 0 ? undefined : Math.max(...times);
	}

	get followUpCount(): number {
		return this.followUps.size;
	}

	peekFollowUps(): string[] {
		return [...this.followUps];
	}

	/** Removes and returns up to `max` queued follow-ups (so two pollers never fetch the same id). */
	takeFollowUps(max: number): string[] {
		const taken = [...this.followUps].slice(0, Math.max(0, max));
		taken.forEach((id) => this.followUps.delete(id));
		return taken;
	}

	requeue(ids: readonly string[]): void {
		ids.forEach((id) => this.followUps.add(id));
	}

	forget(id: string): void {
		this.followUps.delete(id);
	}

	private onChange(status: ExecutionStatus | undefined): void {
		if (status === undefined) {
			// Filter or session changed: the rows were replaced, not finished.
			this.followUps.clear();
			EXECUTION_STATUSES.forEach((s) => this.resync(s));
			return;
		}
		const snapshot = this.model.group(status);
		if (this.loading.get(status) === true && !snapshot.loading && snapshot.error === undefined) {
			this.freshAt.set(status, this.clock.now());
			this.freshEmitter.fire(status);
		}
		this.loading.set(status, snapshot.loading);
		if (!snapshot.loadedOnce) {
			this.unfinished.set(status, new Set()); // reset or reload from the top: nothing left, nothing finished
			return;
		}
		this.diff(status, snapshot.items);
	}

	private diff(status: ExecutionStatus, items: readonly ExecutionView[]): void {
		const previous = this.unfinished.get(status) ?? new Set<string>();
		const current = unfinishedRows(items);
		const observed: ExecutionView[] = [...current.values()];
		for (const id of previous) {
			if (current.has(id)) {
				continue;
			}
			const found = this.model.findExecution(id);
			if (found === undefined) {
				this.followUps.add(id);
			} else {
				observed.push(found);
			}
		}
		this.unfinished.set(status, new Set(current.keys()));
		if (observed.length > 0) {
			this.observeEmitter.fire(observed);
		}
	}

	private resync(status: ExecutionStatus): void {
		const snapshot = this.model.group(status);
		this.loading.set(status, snapshot.loading);
		this.unfinished.set(status, new Set(unfinishedRows(snapshot.items).keys()));
	}
}

function unfinishedRows(items: readonly ExecutionView[]): Map<string, ExecutionView> {
	const rows = new Map<string, ExecutionView>();
	for (const item of items) {
		if (!isTerminal(item.status)) {
			rows.set(item.executionId, item);
		}
	}
	return rows;
}
