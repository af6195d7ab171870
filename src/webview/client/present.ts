/**
 * Small presentational pieces shared by header, steps and timeline: status badges (icon + word, never colour
 * alone), node-type words, and `<time>` elements with absolute and relative text.
 */
import type { WebviewStringKey } from '../protocol';
import { t } from './context';
import type { RenderContext } from './context';
import { dataText, el, icon } from './dom';

interface StatusLook {
	readonly icon: string;
	readonly spin?: boolean;
}

const STATUS_LOOKS: Readonly<Record<string, StatusLook>> = {
	pending: { icon: 'clock' },
	running: { icon: 'loading', spin: true },
	waiting: { icon: 'watch' },
	completed: { icon: 'pass-filled' },
	failed: { icon: 'error' },
	cancelled: { icon: 'circle-slash' },
	skipped: { icon: 'debug-step-over' },
	breached: { icon: 'warning' },
};

function known(status: string): boolean {
	return Object.prototype.hasOwnProperty.call(STATUS_LOOKS, status);
}

/** Localized word for a known status; an unknown one (newer API) is shown as sent. */
export function statusText(ctx: RenderContext, status: string): string {
	return known(status) ? t(ctx, `status.${status}` as WebviewStringKey) : status;
}

export function statusBadge(ctx: RenderContext, status: string): HTMLElement {
	const look = known(status) ? STATUS_LOOKS[status] : { icon: 'question' };
	const modifier = known(status) ? status : 'unknown';
	return el(
		'span',
		{ className: `status-badge status-${modifier}` },
		icon(look?.icon ?? 'question', look?.spin === true),
		known(status) ? el('span', { text: statusText(ctx, status) }) : dataText(status),
	);
}

const NODE_TYPES: ReadonlySet<string> = new Set(['agent', 'human', 'notification', 'webhook']);

export function nodeTypeText(ctx: RenderContext, nodeType: string): string {
	return NODE_TYPES.has(nodeType) ? t(ctx, `nodeType.${nodeType}` as WebviewStringKey) : nodeType;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, timeOnly: boolean): Intl.DateTimeFormat {
	const key = `${locale}|${String(timeOnly)}`;
	let formatter = formatters.get(key);
	if (formatter === undefined) {
		const options: Intl.DateTimeFormatOptions = timeOnly
			? { timeStyle: 'medium' }
			: { dateStyle: 'medium', timeStyle: 'medium' };
		try {
			formatter = new Intl.DateTimeFormat(locale, options);
		} catch {
			formatter = new Intl.DateTimeFormat(undefined, options);
		}
		formatters.set(key, formatter);
	}
	return formatter;
}

/** `<time datetime=ISO>` with a localized absolute text; the full date is in the tooltip for time-only ones. */
export function timeElement(ctx: RenderContext, at: number, timeOnly = false): HTMLElement {
	const date = new Date(at);
	if (!isValidTime(at)) {
		return dataText(String(at));
	}
	const iso = date.toISOString();
	const full = dateFormatter(ctx.strings.locale, false).format(date);
	return el('time', {
		text: timeOnly ? dateFormatter(ctx.strings.locale, true).format(date) : full,
		attrs: { datetime: iso, title: `${full} (${iso})` },
	});
}

/** Absolute time followed by a live relative one: `Jan 5, 2026, 10:00:01 (3 minutes ago)`. */
export function timeWithRelative(ctx: RenderContext, at: number): HTMLElement {
	const wrapper = el('span', { className: 'time-with-relative' }, timeElement(ctx, at));
	if (isValidTime(at)) {
		const relative = el('span', { className: 'relative' });
		ctx.ticker.relative(relative, at, ctx.strings.locale);
		wrapper.append(' (', relative, ')');
	}
	return wrapper;
}

function isValidTime(at: number): boolean {
	return Number.isFinite(at) && !Number.isNaN(new Date(at).getTime());
}
