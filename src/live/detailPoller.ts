/**
 * Fetches single executions with `getExecution`, for what a group list cannot tell: rows that left an
 * unfinished group (follow-ups), visible panels of unfinished executions, and watched executions that no
 * polled group shows. Bounded per round, least recently fetched first, so a long watch list costs a fixed
 * number of requests per interval and nobody starves.
 */
import { ApiError } from '../api/errors';
import type { ExecutionStatus, ExecutionView } from '../api/types';
import { isTerminal } from '../api/types';
import type { Logger } from '../common/logger';
import type { Clock } from './clock';
import type { GroupTracker } from './groupTracker';
import type { LiveApiPort, LiveModelPort, LivePanelsPort, WatchListPort } from './ports';

export const DEFAULT_MAX_INDIVIDUAL_PER_ROUND = 5;

export interface DetailPollerDeps {
	readonly model: LiveModelPort;
	readonly panels: LivePanelsPort | undefined;
	readonly getApi: () => LiveApiPort | undefined;
	readonly watchList: WatchListPort;
	readonly groups: GroupTracker;
	/** True when a polled group shows this execution, so the group's poll already covers it. */
	readonly isCovered: (execution: ExecutionView) => boolean;
	/** Receives every execution seen with a fresh status. */
	readonly observe: (executions: readonly ExecutionView[]) => void;
	readonly clock: Clock;
	readonly logger: Logger;
	readonly maxPerRound: number;
}

export class DetailPoller {
	private readonly fetchedAt = new Map<string, number>();
	private readonly lastStatus = new Map<string, ExecutionStatus>();

	constructor(private readonly deps: DetailPollerDeps) {}

	/** Fetches up to the bound of follow-ups only (right after a group poll found rows gone). */
	async runFollowUps(signal: AbortSignal): Promise<void> {
		const ids = this.deps.groups.takeFollowUps(this.deps.maxPerRound);
		await this.fetchAll(ids, new Set(ids), signal);
	}

	/** One round: follow-ups, visible unfinished panels and uncovered watches, least recently fetched first. */
	async runRound(signal: AbortSignal): Promise<void> {
		const followUps = new Set(this.deps.groups.peekFollowUps());
		const candidates = this.candidates();
		const chosen = candidates
			.sort((a, b) => (this.fetchedAt.get(a) ?? 0) - (this.fetchedAt.get(b) ?? 0))
			.slice(0, this.deps.maxPerRound);
		chosen.forEach((id) => this.deps.groups.forget(id));
		this.prune(new Set(candidates));
		await this.fetchAll(chosen, followUps, signal);
	}

	/** Distinct ids worth a request now. Watched executions the model already shows finished are observed directly. */
	candidates(): string[] {
		const ids = new Set<string>(this.deps.groups.peekFollowUps());
		for (const id of this.deps.panels?.visibleExecutionIds() ?? []) {
			const status = this.deps.model.findExecution(id)?.status ?? this.lastStatus.get(id);
			if (status === undefined || !isTerminal(status)) {
				ids.add(id);
			}
		}
		const finished: ExecutionView[] = [];
		for (const id of this.deps.watchList.ids()) {
			const known = this.deps.model.findExecution(id);
			if (known !== undefined && isTerminal(known.status)) {
				finished.push(known);
			} else if (known === undefined || !this.deps.isCovered(known)) {
				ids.add(id);
			}
		}
		if (finished.length > 0) {
			this.deps.observe(finished);
		}
		return [...ids];
	}

	/** Sequential, so a 429 stops the batch at once; follow-ups not fetched are queued again. */
	private async fetchAll(ids: readonly string[], followUps: ReadonlySet<string>, signal: AbortSignal): Promise<void> {
		const api = this.deps.getApi();
		const fetched: ExecutionView[] = [];
		let done = 0;
		try {
			while (api !== undefined && done < ids.length) {
				const view = await this.fetchOne(api, ids[done], signal);
				done++;
				if (view !== undefined) {
					fetched.push(view);
				}
			}
		} finally {
			this.deps.groups.requeue(ids.slice(done).filter((id) => followUps.has(id)));
			if (fetched.length > 0) {
				this.deps.observe(fetched);
			}
		}
	}

	private async fetchOne(api: LiveApiPort, id: string, signal: AbortSignal): Promise<ExecutionView | undefined> {
		this.fetchedAt.set(id, this.deps.clock.now());
		try {
			const view = await api.getExecution(id, signal);
			this.lastStatus.set(id, view.status);
			this.deps.model.upsertExecution(view);
			this.deps.panels?.update(id, view);
			return view;
		} catch (error) {
			if (!ApiError.is(error, 'notFound')) {
				throw error;
			}
			this.deps.logger.info(`Execution ${id} was not found; it is no longer polled.`);
			await this.deps.watchList.remove(id);
			return undefined;
		}
	}

	/** Forgets bookkeeping of ids no longer asked for, so memory follows what is open or watched. */
	private prune(keep: ReadonlySet<string>): void {
		for (const id of this.fetchedAt.keys()) {
			if (!keep.has(id)) {
				this.fetchedAt.delete(id);
			}
		}
		for (const id of this.lastStatus.keys()) {
			if (!keep.has(id) && !this.deps.panels?.visibleExecutionIds().includes(id)) {
				this.lastStatus.delete(id);
			}
		}
	}
}
