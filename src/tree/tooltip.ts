/**
 * The execution row's long texts: the Markdown tooltip (resolved lazily, on hover) and the accessible label.
 * Every piece of API text in the tooltip goes through `escapeMarkdown`; the caller wraps the result in an
 * untrusted `MarkdownString` without HTML. vscode-free so both are unit-tested on plain Node.
 */
import type { ExecutionView } from '../api/types';
import { executionDuration, executionEnd, formatDuration, formatRelative, formatRelativeWords, formatTimestamp, statusLabel } from '../executions/format';
import { escapeMarkdown } from '../executions/markdown';
import { formatMessage } from './translate';
import type { Translate } from './translate';

export function executionTooltipMarkdown(execution: ExecutionView, now: number, t: Translate = formatMessage): string {
	const title = `**${escapeMarkdown(execution.definitionId)}** ${escapeMarkdown(`v${execution.definitionVersion}`)} · ${escapeMarkdown(t(statusLabel(execution.status)))}`;
	const lines: Array<[string, string | undefined]> = [
		[t('Execution'), execution.executionId],
		[t('Started'), when(execution.startedAt, now)],
		[execution.cancelledAt !== null ? t('Cancelled') : t('Ended'), endText(execution, now)],
		[t('Duration'), durationText(execution, now, t)],
		[t('Correlation id'), execution.correlationId ?? undefined],
		[t('Idempotency key'), execution.idempotencyKey ?? undefined],
		[t('Failure'), execution.failureReason === null ? undefined : `${execution.failureReason.code}: ${execution.failureReason.message}`],
	];
	const body = lines
		.filter((line): line is [string, string] => line[1] !== undefined && line[1] !== '')
		.map(([label, value]) => `${escapeMarkdown(label)}: ${escapeMarkdown(value)}`);
	return [title, ...body].join('\n\n');
}

/**
 * Status in words first (never colour or icon alone), then definition and version, full id, start and end,
 * correlation id and failure reason: what the tooltip shows, for screen readers that do not read tooltips.
 */
export function executionAccessibleLabel(execution: ExecutionView, now: number, t: Translate = formatMessage): string {
	const parts = [
		t(
			'{0}, {1} version {2}, execution {3}, started {4} ({5})',
			t(statusLabel(execution.status)),
			execution.definitionId,
			execution.definitionVersion,
			execution.executionId,
			formatRelativeWords(execution.startedAt, now),
			formatTimestamp(execution.startedAt),
		),
	];
	const end = executionEnd(execution);
	if (end !== undefined) {
		parts.push(t('ended {0}', formatRelativeWords(end, now)));
	}
	if (execution.correlationId) {
		parts.push(t('correlation id {0}', execution.correlationId));
	}
	if (execution.failureReason !== null) {
		parts.push(t('failure: {0}', execution.failureReason.message || execution.failureReason.code));
	}
	return parts.join(', ');
}

function when(ms: number, now: number): string {
	return `${formatTimestamp(ms)} (${formatRelative(ms, now)})`;
}

function endText(execution: ExecutionView, now: number): string | undefined {
	const end = executionEnd(execution);
	return end === undefined ? undefined : when(end, now);
}

function durationText(execution: ExecutionView, now: number, t: Translate): string | undefined {
	const duration = executionDuration(execution, now);
	if (duration === undefined) {
		return undefined;
	}
	return executionEnd(execution) === undefined ? t('{0} so far', formatDuration(duration)) : formatDuration(duration);
}
