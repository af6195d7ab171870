/**
 * The localized words of the execution panel. The client has no l10n runtime, so the host translates here
 * (`vscode.l10n.t`) and ships the table in every message that renders text. The `Record` type makes a missing
 * key a compile error.
 */
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { SessionError } from './executionSession';
import type { WebviewStrings } from './protocol';

export function webviewStrings(): WebviewStrings {
	const t = vscode.l10n.t;
	return {
		locale: vscode.env.language,
		loading: t('Loading execution…'),
		refreshing: t('Refreshing…'),
		refresh: t('Refresh'),
		copyJson: t('Copy JSON'),
		copyId: t('Copy ID'),
		cancelExecution: t('Cancel Execution'),
		watch: t('Watch'),
		unwatch: t('Stop Watching'),
		retry: t('Retry'),
		signIn: t('Sign In'),
		errorTitle: t('Something went wrong'),
		dismiss: t('Dismiss'),
		execution: t('Execution'),
		status: t('Status'),
		definition: t('Definition'),
		versionFormat: t('version {0}'),
		started: t('Started'),
		completed: t('Completed'),
		cancelled: t('Cancelled'),
		duration: t('Duration'),
		correlationId: t('Correlation ID'),
		idempotencyKey: t('Idempotency key'),
		failureReason: t('Failure reason'),
		steps: t('Steps ({0})'),
		noSteps: t('This execution has no steps yet.'),
		stepId: t('Step ID'),
		group: t('Group'),
		error: t('Error'),
		output: t('Output'),
		metadata: t('Metadata'),
		otherFields: t('Other fields'),
		events: t('Events ({0})'),
		noEvents: t('No events yet.'),
		loadMoreEvents: t('Load more events'),
		eventData: t('Data'),
		rawJson: t('Raw JSON'),
		countKey: t('1 key'),
		countKeys: t('{0} keys'),
		countItem: t('1 item'),
		countItems: t('{0} items'),
		showMore: t('Show {0} more'),
		largeValue: t('{0}, expand to show'),
		emptyValue: t('(empty)'),
		decision: t('Decision'),
		approvals: t('Approvals'),
		rejections: t('Rejections'),
		mandatoryApprovals: t('Mandatory approvals'),
		reviewers: t('Reviewers'),
		mandatory: t('mandatory'),
		comment: t('Comment'),
		agentStatus: t('Agent status'),
		findings: t('Findings'),
		severity: t('Severity'),
		summary: t('Summary'),
		resolvedUrl: t('Resolved URL'),
		agentDuration: t('Agent duration'),
		httpStatus: t('HTTP status'),
		statusAnnouncement: t('Execution {0} is {1}'),
		watchingAnnouncement: t('Watching this execution'),
		notWatchingAnnouncement: t('Not watching this execution'),
		'status.pending': t('Pending'),
		'status.running': t('Running'),
		'status.completed': t('Completed'),
		'status.failed': t('Failed'),
		'status.cancelled': t('Cancelled'),
		'status.waiting': t('Waiting'),
		'status.skipped': t('Skipped'),
		'status.breached': t('Breached'),
		'nodeType.agent': t('Agent'),
		'nodeType.human': t('Human'),
		'nodeType.notification': t('Notification'),
		'nodeType.webhook': t('Webhook'),
	};
}

/** Status word for the panel title; unknown values pass through (a newer API may add some). */
export function statusWord(strings: WebviewStrings, status: string): string {
	const key = `status.${status}`;
	return key in strings ? strings[key as keyof WebviewStrings] : status;
}

/** Maps an error to panel text by `kind`, never by message text. API messages carry no credentials. */
export function describeWebviewError(error: unknown, executionId: string): SessionError {
	if (!ApiError.is(error)) {
		return { kind: 'unknown', message: vscode.l10n.t('Could not show execution {0}.', executionId) };
	}
	const t = vscode.l10n.t;
	switch (error.kind) {
		case 'notFound':
			return { kind: error.kind, message: t('Execution {0} was not found.', executionId) };
		case 'auth':
		case 'permission':
			return { kind: error.kind, message: t('Sign in to Velt to see this execution.') };
		case 'network':
		case 'timeout':
			// The API layer's own sentence ("Could not reach the Velt API: …", "… did not answer within 30 s.").
			return { kind: error.kind, message: error.message };
		case 'rateLimited':
			return { kind: error.kind, message: t('The Velt API is busy (rate limited). Try again shortly.') };
		case 'server':
		case 'invalidResponse':
		case 'invalidArgument':
		case 'insecureUrl':
		case 'cancelled':
			return { kind: error.kind, message: t('Could not load execution {0}: {1}', executionId, error.message) };
	}
}
