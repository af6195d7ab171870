/**
 * Time and status wording shared by the tree and the webview. Kept vscode-free and locale-independent so
 * that both surfaces say the same thing and plain-Node tests can pin the exact strings.
 */
import type { ExecutionStatus, ExecutionView } from '../api/types';
import { isTerminal } from '../api/types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STATUS_LABELS: Readonly<Record<ExecutionStatus, string>> = {
	pending: 'Pending',
	running: 'Running',
	completed: 'Completed',
	failed: 'Failed',
	cancelled: 'Cancelled',
};

/** The status in words, as the group labels and accessible labels say it (never colour or icon alone). */
export function statusLabel(status: ExecutionStatus): string {
	return STATUS_LABELS[status];
}

/**
 * Compact relative time ("3m ago"). Small negative differences (clock skew between the API and this
 * machine) read as "just now" rather than a confusing "in 2s".
 */
export function formatRelative(ms: number, now: number): string {
	const diff = now - ms;
	if (!Number.isFinite(diff)) {
		return '';
	}
	if (diff < -MINUTE) {
		return `in ${compactSpan(-diff)}`;
	}
	if (diff < 5 * SECOND) {
		return 'just now';
	}
	return `${compactSpan(diff)} ago`;
}

/** Relative time in words for screen readers ("3 minutes ago"). */
export function formatRelativeWords(ms: number, now: number): string {
	const diff = now - ms;
	if (!Number.isFinite(diff)) {
		return '';
	}
	if (Math.abs(diff) < 5 * SECOND || (diff < 0 && diff >= -MINUTE)) {
		return 'just now';
	}
	const words = wordSpan(Math.abs(diff));
	return diff < 0 ? `in ${words}` : `${words} ago`;
}

/** Duration with the two most significant units ("2m 13s", "1h 02m", "3d 4h"); negative reads as "0s". */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms < SECOND) {
		return ms > 0 && Number.isFinite(ms) ? `${Math.floor(ms)}ms` : '0s';
	}
	const total = Math.floor(ms / SECOND);
	const days = Math.floor(total / 86_400);
	const hours = Math.floor((total % 86_400) / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	if (days > 0) {
		return `${days}d ${hours}h`;
	}
	if (hours > 0) {
		return `${hours}h ${pad2(minutes)}m`;
	}
	if (minutes > 0) {
		return `${minutes}m ${pad2(seconds)}s`;
	}
	return `${seconds}s`;
}

/** A fixed, unambiguous absolute time (UTC), so tooltips and panels agree whatever the machine's locale. */
export function formatTimestamp(ms: number): string {
	const date = new Date(ms);
	if (Number.isNaN(date.getTime())) {
		return '';
	}
	return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * When an execution stopped, if it did. A terminal execution without an end time has no known duration.
 */
export function executionEnd(execution: ExecutionView): number | undefined {
	return execution.completedAt ?? execution.cancelledAt ?? undefined;
}

/**
 * Duration so far: up to the end time, or up to `now` while the execution is still pending or running
 * (the tree re-renders active rows on a local timer, without API calls).
 */
export function executionDuration(execution: ExecutionView, now: number): number | undefined {
	const end = executionEnd(execution) ?? (isTerminal(execution.status) ? undefined : now);
	return end === undefined ? undefined : Math.max(0, end - execution.startedAt);
}

/** The execution row's description: "3m ago · 2m 13s". */
export function describeExecutionTiming(execution: ExecutionView, now: number): string {
	const relative = formatRelative(execution.startedAt, now);
	const duration = executionDuration(execution, now);
	return duration === undefined ? relative : `${relative} · ${formatDuration(duration)}`;
}

function compactSpan(ms: number): string {
	if (ms < MINUTE) {
		return `${Math.floor(ms / SECOND)}s`;
	}
	if (ms < HOUR) {
		return `${Math.floor(ms / MINUTE)}m`;
	}
	if (ms < DAY) {
		return `${Math.floor(ms / HOUR)}h`;
	}
	if (ms < 365 * DAY) {
		return `${Math.floor(ms / DAY)}d`;
	}
	return `${Math.floor(ms / (365 * DAY))}y`;
}

function wordSpan(ms: number): string {
	const units: ReadonlyArray<[number, string]> = [
		[365 * DAY, 'year'],
		[DAY, 'day'],
		[HOUR, 'hour'],
		[MINUTE, 'minute'],
		[SECOND, 'second'],
	];
	for (const [size, name] of units) {
		if (ms >= size) {
			const count = Math.floor(ms / size);
			return `${count} ${name}${count === 1 ? '' : 's'}`;
		}
	}
	return '0 seconds';
}

function pad2(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}
