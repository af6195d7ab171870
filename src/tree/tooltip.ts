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

/** Status in words first (never colour or icon alone), then definition, full id and start time. */
export function executionAccessibleLabel(execution: ExecutionView, now: number, t: Translate = formatMessage): string {
	return t(
		'{0}, {1}, execution {2}, started {3} ({4})',
		t(statusLabel(execution.status)),
		execution.definitionId,
		execution.executionId,
		formatRelativeWords(execution.startedAt, now),
		formatTimestamp(execution.startedAt),
	);
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
