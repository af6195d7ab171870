/**
 * Which executions deserve a "finished" notification. Pure decision plus a small tracker of the last known
 * non-terminal statuses, so the policy (`veltWorkflows.notifyOnFinish`) is tested without VS Code.
 *
 * - A watched execution is announced when it is seen terminal, whatever the previous knowledge (it may
 *   have finished while the window was closed): the user asked to be told.
 * - Any other execution is announced only on an observed transition (known non-terminal → terminal): a row
 *   that was already finished when first loaded is history, not news.
 * - Each execution is announced at most once per tracker.
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';
import { isTerminal } from '../api/types';
import type { NotifyOnFinish } from '../config/settings';

/** The fields a notification needs; `ExecutionView` satisfies it. */
export type FinishedExecution = Pick<ExecutionView, 'executionId' | 'status' | 'definitionId' | 'failureReason'>;

export interface FinishNotice {
	readonly execution: FinishedExecution;
	/** Why it is announced: the user watched it, or the policy covers every polled execution. */
	readonly reason: 'watched' | 'polled';
}

export interface TransitionInput {
	/** Last known status of executions seen non-terminal. */
	readonly previous: ReadonlyMap<string, ExecutionStatus>;
	readonly fresh: readonly FinishedExecution[];
	readonly setting: NotifyOnFinish;
	readonly isWatched: (executionId: string) => boolean;
	readonly alreadyNotified: (executionId: string) => boolean;
}

export function decideNotifications(input: TransitionInput): FinishNotice[] {
	if (input.setting === 'off') {
		return [];
	}
	const notices: FinishNotice[] = [];
	const seen = new Set<string>();
	for (const execution of input.fresh) {
		const id = execution.executionId;
		if (seen.has(id) || !isTerminal(execution.status) || input.alreadyNotified(id)) {
			continue;
		}
		seen.add(id);
		if (input.isWatched(id)) {
			notices.push({ execution, reason: 'watched' });
		} else if (input.previous.has(id) && policyCovers(input.setting, execution.status)) {
			notices.push({ execution, reason: 'polled' });
		}
	}
	return notices;
}

function policyCovers(setting: NotifyOnFinish, status: ExecutionStatus): boolean {
	return setting === 'all' || (setting === 'failedOnly' && status === 'failed');
}

/**
 * Remembers the statuses of executions seen non-terminal (terminal ones are forgotten, so memory is bounded
 * by what is live) and the executions already announced.
 */
export class TransitionTracker {
	private readonly active = new Map<string, ExecutionStatus>();
	private readonly notified = new Set<string>();

	/** Feeds freshly fetched executions; returns the notices to show, each execution at most once. */
	observe(fresh: readonly FinishedExecution[], setting: NotifyOnFinish, isWatched: (id: string) => boolean): FinishNotice[] {
		const notices = decideNotifications({
			previous: this.active,
			fresh,
			setting,
			isWatched,
			alreadyNotified: (id) => this.notified.has(id),
		});
		for (const notice of notices) {
			this.notified.add(notice.execution.executionId);
		}
		for (const execution of fresh) {
			if (isTerminal(execution.status)) {
				this.active.delete(execution.executionId);
			} else {
				this.active.set(execution.executionId, execution.status);
			}
		}
		return notices;
	}

	/** The last status seen for an execution while it was not finished. */
	lastActiveStatus(executionId: string): ExecutionStatus | undefined {
		return this.active.get(executionId);
	}

	/** Forgets everything, e.g. when the session switches to another environment. */
	reset(): void {
		this.active.clear();
		this.notified.clear();
	}
}
