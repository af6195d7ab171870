/**
 * `LivePoller`: the vscode-free heart of live updates. It decides what to poll and when, within a budget:
 *
 * - Groups: while the view is visible and the window focused, the first page of every expanded group that
 *   is unfinished by nature (Pending, Running) or shows an unfinished row, once per interval (one list call
 *   each). A group that received data less than half an interval ago (expand, Refresh) is not asked again.
 * - Single executions (`getExecution`, bounded per round): rows that left an unfinished group, visible panels
 *   of unfinished executions, watched executions no polled group shows. These run while the window is
 *   focused even with the view hidden: a watch exists precisely for when the user looks elsewhere.
 * - Everything pauses when the window loses focus and catches up with one round when it comes back.
 *
 * Every fresh status it sees goes through the `TransitionTracker`, which decides the notifications.
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';
import { isTerminal } from '../api/types';
import { Disposable } from '../common/lifecycle';
import { nullLogger } from '../common/logger';
import type { Logger } from '../common/logger';
import type { Settings } from '../config/settings';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { DEFAULT_MAX_INDIVIDUAL_PER_ROUND, DetailPoller } from './detailPoller';
import { GroupTracker } from './groupTracker';
import { classifyPollError } from './pollFailure';
import type { LiveApiPort, LiveModelPort, LivePanelsPort, WatchListPort } from './ports';
import { PollScheduler } from './scheduler';
import { TransitionTracker } from './transitions';
import type { FinishNotice } from './transitions';

export type LiveSettings = Pick<Settings, 'pollIntervalMs' | 'notifyOnFinish'>;

export interface LivePollerOptions {
	readonly model: LiveModelPort;
	readonly panels?: LivePanelsPort;
	readonly getApi: () => LiveApiPort | undefined;
	readonly watchList: WatchListPort;
	/** Read on every decision; call `applySettings()` after a change so a new interval takes effect. */
	readonly settings: () => LiveSettings;
	readonly notify: (notice: FinishNotice) => void;
	readonly clock?: Clock;
	readonly logger?: Logger;
	readonly maxIndividualPerRound?: number;
}

const DETAILS_TASK = 'executions';

export class LivePoller extends Disposable {
	private focused = true;
	private viewVisible = false;
	private readonly collapsed = new Set<ExecutionStatus>();
	private readonly clock: Clock;
	private readonly logger: Logger;
	private readonly tracker = new TransitionTracker();
	private readonly details: DetailPoller;
	private readonly viewScheduler: PollScheduler;
	private readonly detailScheduler: PollScheduler;
	readonly groups: GroupTracker;

	constructor(private readonly options: LivePollerOptions) {
		super();
		this.clock = options.clock ?? systemClock;
		this.logger = options.logger ?? nullLogger;
		this.groups = this._register(new GroupTracker(options.model, this.clock));
		this._register(this.groups.onDidObserve((views) => this.observe(views)));
		this.details = new DetailPoller({
			...options,
			panels: options.panels,
			groups: this.groups,
			isCovered: (execution) => this.polledStatuses().includes(execution.status),
			observe: (views) => this.observe(views),
			clock: this.clock,
			logger: this.logger,
			maxPerRound: options.maxIndividualPerRound ?? DEFAULT_MAX_INDIVIDUAL_PER_ROUND,
		});
		const base = { clock: this.clock, intervalMs: options.settings().pollIntervalMs, classify: classifyPollError };
		const onError = (error: unknown): void => this.logger.error(`Live updates: ${String(error)}`);
		this.viewScheduler = this._register(new PollScheduler({ ...base, beforeRound: () => this.syncGroupTasks(), onError }));
		this.detailScheduler = this._register(new PollScheduler(base));
		this.detailScheduler.set(DETAILS_TASK, (signal) => this.details.runRound(signal));
		this.update();
	}

	setWindowFocused(focused: boolean): void {
		this.focused = focused;
		this.update();
	}

	setViewVisible(visible: boolean): void {
		this.viewVisible = visible;
		this.syncGroupTasks();
		this.update();
	}

	setGroupExpanded(status: ExecutionStatus, expanded: boolean): void {
		if (expanded) {
			this.collapsed.delete(status);
		} else {
			this.collapsed.add(status);
		}
		this.syncGroupTasks();
	}

	/** Re-reads the interval (0 = off). */
	applySettings(): void {
		const interval = this.options.settings().pollIntervalMs;
		this.viewScheduler.setInterval(interval);
		this.detailScheduler.setInterval(interval);
		this.update();
	}

	/** Groups polled right now: visible view, expanded, loaded, and unfinished by nature or by content. */
	polledStatuses(): ExecutionStatus[] {
		return this.viewVisible ? this.options.model.visibleStatuses().filter((status) => this.isPolled(status)) : [];
	}

	get isPollingView(): boolean {
		return this.viewScheduler.isActive;
	}

	/** When any shown group last received data (for "Updated 12 s ago"). */
	get lastUpdatedAt(): number | undefined {
		return this.groups.latestDataAt(this.options.model.visibleStatuses());
	}

	/** One round now (when not paused), groups first; resolves when its requests settled. For tests and demos. */
	async pollNow(): Promise<void> {
		await this.viewScheduler.runNow();
		await this.detailScheduler.runNow();
	}

	/** Resolves when no poll is in flight. */
	async whenIdle(): Promise<void> {
		await Promise.all([this.viewScheduler.whenIdle(), this.detailScheduler.whenIdle()]);
	}

	private isPolled(status: ExecutionStatus): boolean {
		const group = this.options.model.group(status);
		if (this.collapsed.has(status) || (!group.loadedOnce && group.error === undefined)) {
			return false;
		}
		return !isTerminal(status) || group.items.some((item) => !isTerminal(item.status));
	}

	private syncGroupTasks(): void {
		const polled = this.polledStatuses();
		const wanted = new Set(polled.map(groupKey));
		this.viewScheduler.keys().filter((key) => !wanted.has(key)).forEach((key) => this.viewScheduler.delete(key));
		for (const status of polled) {
			this.viewScheduler.set(groupKey(status), (signal) => this.pollGroup(status, signal));
		}
	}

	private async pollGroup(status: ExecutionStatus, signal: AbortSignal): Promise<void> {
		const last = this.groups.lastDataAt(status);
		if (last !== undefined && this.clock.now() - last < this.viewScheduler.interval / 2) {
			return;
		}
		await this.options.model.refresh(status);
		const error = this.options.model.group(status).error;
		if (error !== undefined) {
			throw error;
		}
		if (this.groups.followUpCount > 0) {
			// Errors here must not back off the group; the ids stay queued for the next round.
			await this.details.runFollowUps(signal).catch((e: unknown) => this.logger.debug(`Live updates: follow-up fetch failed: ${String(e)}`));
		}
	}

	private update(): void {
		const on = this.focused && this.viewScheduler.interval > 0;
		toggle(this.viewScheduler, on && this.viewVisible);
		toggle(this.detailScheduler, on);
	}

	private observe(views: readonly ExecutionView[]): void {
		const { watchList, notify } = this.options;
		const notices = this.tracker.observe(views, this.options.settings().notifyOnFinish, (id) => watchList.has(id));
		notices.forEach((notice) => notify(notice));
		for (const view of views) {
			if (isTerminal(view.status) && watchList.has(view.executionId)) {
				watchList.remove(view.executionId).catch((e: unknown) => this.logger.warn(`Could not update the watch list: ${String(e)}`));
			}
		}
	}
}

function groupKey(status: ExecutionStatus): string {
	return `group:${status}`;
}

function toggle(scheduler: PollScheduler, on: boolean): void {
	if (on) {
		scheduler.resume();
	} else {
		scheduler.pause();
	}
}
