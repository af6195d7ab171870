/**
 * `PollScheduler`: one clock for every live-update task (group lists, open panels, watched executions), so the
 * request budget is easy to state: at most one call per task per round, one round per interval.
 *
 * - Rounds run every `intervalMs` while resumed; `0` turns polling off. It starts paused.
 * - Pausing stops the clock; resuming runs one catch-up round if a round was missed (never one per missed tick).
 * - Single flight: a task still running when its round comes is skipped, never started twice.
 * - Backoff per task: after `n` consecutive failures it waits `interval · 2^n` (capped), or longer when the
 *   server said `Retry-After`; a success resets it. Cancellation counts as neither.
 */
import { Disposable, toDisposable } from '../common/lifecycle';
import type { Clock, TimerHandle } from './clock';
import type { PollFailure } from './pollFailure';

export const DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;

export type PollTaskRun = (signal: AbortSignal) => Promise<void>;

export interface PollSchedulerOptions {
	readonly clock: Clock;
	readonly intervalMs: number;
	readonly maxBackoffMs?: number;
	readonly classify?: (error: unknown) => PollFailure;
	/** Called at the start of every round, before due tasks start, so the owner can sync its task set. */
	readonly beforeRound?: () => void;
	/** Receives errors of `beforeRound`, which must not stop the clock. */
	readonly onError?: (error: unknown) => void;
}

export interface PollTaskState {
	readonly failures: number;
	/** The task is skipped by rounds before this time (backoff). */
	readonly notBefore: number;
	readonly inFlight: boolean;
	readonly lastSuccessAt: number | undefined;
}

interface RoundReport {
	readonly started: readonly string[];
	readonly completion: Promise<void>;
}

type Task = { -readonly [K in keyof PollTaskState]: PollTaskState[K] } & { run: PollTaskRun };

export class PollScheduler extends Disposable {
	private readonly tasks = new Map<string, Task>();
	private readonly running = new Set<Promise<void>>();
	private readonly abort = new AbortController();
	private intervalMs: number;
	private paused = true;
	private timer: TimerHandle | undefined;
	private lastRoundAt: number;

	constructor(private readonly options: PollSchedulerOptions) {
		super();
		this.intervalMs = sanitizeInterval(options.intervalMs);
		this.lastRoundAt = options.clock.now();
		this._register(toDisposable(() => {
			this.stopTimer();
			this.abort.abort();
			this.tasks.clear();
		}));
	}

	get interval(): number {
		return this.intervalMs;
	}

	/** True when rounds are running on their own (resumed, interval > 0, not disposed). */
	get isActive(): boolean {
		return !this.paused && this.intervalMs > 0 && !this._store.isDisposed;
	}

	/**
	 * Adds a task, or replaces the function of an existing one keeping its backoff state. `firstRunAfterMs`
	 * delays a new task's first run, e.g. for data that was fetched a moment ago.
	 */
	set(key: string, run: PollTaskRun, firstRunAfterMs = 0): void {
		const existing = this.tasks.get(key);
		if (existing) {
			existing.run = run;
			return;
		}
		const notBefore = this.options.clock.now() + Math.max(0, firstRunAfterMs);
		this.tasks.set(key, { run, failures: 0, notBefore, inFlight: false, lastSuccessAt: undefined });
	}

	delete(key: string): void {
		this.tasks.delete(key);
	}

	keys(): string[] {
		return [...this.tasks.keys()];
	}

	state(key: string): PollTaskState | undefined {
		const task = this.tasks.get(key);
		return task && { failures: task.failures, notBefore: task.notBefore, inFlight: task.inFlight, lastSuccessAt: task.lastSuccessAt };
	}

	pause(): void {
		this.paused = true;
		this.stopTimer();
	}

	/** Restarts the clock; runs one catch-up round now when at least one interval passed since the last. */
	resume(): void {
		if (!this.paused) {
			return;
		}
		this.paused = false;
		this.reschedule();
	}

	/** Changes the interval (0 = off); a round that became overdue under the new interval runs now. */
	setInterval(intervalMs: number): void {
		const next = sanitizeInterval(intervalMs);
		if (next === this.intervalMs) {
			return;
		}
		this.intervalMs = next;
		this.stopTimer();
		this.reschedule();
	}

	/**
	 * Runs a round now (when active or when `whilePaused`), restarting the interval from here. Due tasks
	 * only: backoff and single flight still apply. Resolves when the tasks it started have settled.
	 */
	async runNow(whilePaused = false): Promise<readonly string[]> {
		if (this._store.isDisposed || (this.paused && !whilePaused)) {
			return [];
		}
		const report = this.round();
		await report.completion;
		return report.started;
	}

	/** Resolves once no task run is in flight (benchmarks and tests wait for a round's requests). */
	async whenIdle(): Promise<void> {
		while (this.running.size > 0) {
			await Promise.all([...this.running]);
		}
	}

	private reschedule(): void {
		if (!this.isActive) {
			return;
		}
		const wait = this.lastRoundAt + this.intervalMs - this.options.clock.now();
		if (wait <= 0) {
			this.round();
		} else {
			this.startTimer(wait);
		}
	}

	private round(): RoundReport {
		this.stopTimer();
		const at = this.options.clock.now();
		this.lastRoundAt = at;
		if (this.isActive) {
			this.startTimer(this.intervalMs);
		}
		try {
			this.options.beforeRound?.();
		} catch (error) {
			this.options.onError?.(error);
		}
		const started: string[] = [];
		const runs: Promise<void>[] = [];
		for (const [key, task] of this.tasks) {
			if (!task.inFlight && task.notBefore <= at) {
				started.push(key);
				const run = this.start(task, at);
				this.running.add(run);
				void run.finally(() => this.running.delete(run));
				runs.push(run);
			}
		}
		return { started, completion: Promise.all(runs).then(() => undefined) };
	}

	private async start(task: Task, startedAt: number): Promise<void> {
		task.inFlight = true;
		try {
			await task.run(this.abort.signal);
			task.failures = 0;
			task.notBefore = 0;
			task.lastSuccessAt = this.options.clock.now();
		} catch (error) {
			this.recordFailure(task, startedAt, error);
		} finally {
			task.inFlight = false;
		}
	}

	private recordFailure(task: Task, startedAt: number, error: unknown): void {
		const failure = this.options.classify?.(error) ?? { kind: 'retry' };
		const cap = this.options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
		if (failure.kind === 'ignore') {
			return;
		}
		task.failures++;
		let delay = failure.kind === 'halt' ? cap : Math.min(cap, this.intervalMs * 2 ** task.failures);
		if (failure.kind === 'retry' && failure.retryAfterMs !== undefined) {
			delay = Math.max(delay, failure.retryAfterMs);
		}
		task.notBefore = startedAt + delay;
	}

	private startTimer(ms: number): void {
		this.timer = this.options.clock.setTimeout(() => {
			this.timer = undefined;
			this.round();
		}, ms);
	}

	private stopTimer(): void {
		if (this.timer !== undefined) {
			this.options.clock.clearTimeout(this.timer);
			this.timer = undefined;
		}
	}
}

function sanitizeInterval(ms: number): number {
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
