/**
 * The one message contract between the execution panel (extension host) and its webview client.
 * Shared by both sides, so it imports neither `vscode` nor the DOM. Host → webview messages are trusted (we
 * build them); webview → host messages are not (a compromised page could post anything), hence the guard.
 */
import type { ApprovalEventView, ExecutionView } from '../api/types';
import type { ApiErrorKind } from '../api/errors';

/** Every localized word the client shows; the host fills them with `vscode.l10n.t` (the client has no l10n). */
export type WebviewStringKey =
	| 'locale'
	| 'loading' | 'refreshing' | 'refresh' | 'copyJson' | 'copyId' | 'cancelExecution' | 'watch' | 'unwatch'
	| 'retry' | 'signIn' | 'errorTitle' | 'dismiss' | 'execution' | 'status' | 'definition' | 'versionFormat'
	| 'started' | 'completed' | 'cancelled' | 'duration' | 'correlationId' | 'idempotencyKey' | 'failureReason'
	| 'steps' | 'noSteps' | 'stepId' | 'group' | 'error' | 'output' | 'metadata' | 'otherFields'
	| 'events' | 'noEvents' | 'loadMoreEvents' | 'eventData' | 'rawJson' | 'countKey' | 'countKeys' | 'countItem'
	| 'countItems'
	| 'showMore' | 'largeValue' | 'emptyValue' | 'decision' | 'approvals' | 'rejections' | 'mandatoryApprovals'
	| 'reviewers' | 'mandatory' | 'comment' | 'agentStatus' | 'findings' | 'severity' | 'summary' | 'resolvedUrl'
	| 'agentDuration' | 'httpStatus' | 'statusAnnouncement' | 'watchingAnnouncement' | 'notWatchingAnnouncement'
	| 'status.pending' | 'status.running' | 'status.completed' | 'status.failed' | 'status.cancelled'
	| 'status.waiting' | 'status.skipped' | 'status.breached'
	| 'nodeType.agent' | 'nodeType.human' | 'nodeType.notification' | 'nodeType.webhook';

/** `{0}`-style placeholders are filled by the client (counts, sizes, names). */
export type WebviewStrings = Readonly<Record<WebviewStringKey, string>>;

export type WebviewErrorKind = ApiErrorKind | 'unknown';

export type ToWebview =
	| { readonly type: 'loading'; readonly strings: WebviewStrings }
	| {
			readonly type: 'execution';
			readonly execution: ExecutionView;
			/** Ascending by `seq`; gaps are normal (internal events consume numbers). */
			readonly events: readonly ApprovalEventView[];
			readonly eventsComplete: boolean;
			readonly watching: boolean;
			/** False when no watch service is wired: the page then shows no Watch button. */
			readonly canWatch: boolean;
			readonly strings: WebviewStrings;
			/** The host's clock (epoch ms), so relative times and live durations agree with the tree. */
			readonly now: number;
	  }
	/** Appended to the timeline of the execution already shown. */
	| { readonly type: 'events'; readonly events: readonly ApprovalEventView[]; readonly complete: boolean }
	| { readonly type: 'error'; readonly message: string; readonly kind: WebviewErrorKind; readonly strings: WebviewStrings }
	| { readonly type: 'watching'; readonly watching: boolean }
	/** Scroll to and focus the first failed step (or the failure reason): the notification's Show failure. */
	| { readonly type: 'revealFailure' };

export type FromWebview =
	| { readonly type: 'ready' }
	| { readonly type: 'refresh' }
	| { readonly type: 'copyJson' }
	| { readonly type: 'copyId' }
	| { readonly type: 'cancel' }
	| { readonly type: 'watch' }
	| { readonly type: 'unwatch' }
	| { readonly type: 'loadMoreEvents' }
	| { readonly type: 'signIn' }
	/** The host re-validates the URL (http/https only) before opening it. */
	| { readonly type: 'openExternal'; readonly url: string };

export type FromWebviewType = FromWebview['type'];

const BARE_MESSAGE_TYPES: ReadonlySet<string> = new Set<FromWebviewType>([
	'ready', 'refresh', 'copyJson', 'copyId', 'cancel', 'watch', 'unwatch', 'loadMoreEvents', 'signIn',
]);

/** Longer URLs are not links anyone means to open; rejecting them bounds what the host parses. */
export const MAX_EXTERNAL_URL_LENGTH = 8192;

/**
 * Accepts exactly the `FromWebview` shapes: a known `type`, the fields that type needs with the right types,
 * and no other keys. Everything else is dropped by the host (and logged at debug), never half-handled.
 */
export function isFromWebviewMessage(value: unknown): value is FromWebview {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return false;
	}
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record);
	if (typeof record.type !== 'string') {
		return false;
	}
	if (BARE_MESSAGE_TYPES.has(record.type)) {
		return keys.length === 1;
	}
	if (record.type === 'openExternal') {
		return (
			keys.length === 2 &&
			typeof record.url === 'string' &&
			record.url.length > 0 &&
			record.url.length <= MAX_EXTERNAL_URL_LENGTH
		);
	}
	return false;
}

/** True for absolute `http:`/`https:` URLs; both sides use it (the client to decide what is a link). */
export function isWebUrl(value: string): boolean {
	if (value.length > MAX_EXTERNAL_URL_LENGTH) {
		return false;
	}
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
	} catch {
		return false;
	}
}
