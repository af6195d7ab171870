/**
 * Locale-light formatting shared by the webview client and tests: durations, byte sizes and JSON size
 * estimates. Absolute and relative dates use `Intl` with the locale the host sends, so nothing here is English
 * prose. No DOM, no Node.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact, unit-suffixed duration: `850 ms`, `12s`, `2m 13s`, `1h 02m`, `3d 4h`. Negative → 0. */
export function formatDuration(ms: number): string {
	const value = Number.isFinite(ms) ? Math.max(0, Math.floor(ms)) : 0;
	if (value < SECOND) {
		return `${value} ms`;
	}
	if (value < MINUTE) {
		return `${Math.floor(value / SECOND)}s`;
	}
	if (value < HOUR) {
		return `${Math.floor(value / MINUTE)}m ${pad(Math.floor((value % MINUTE) / SECOND))}s`;
	}
	if (value < DAY) {
		return `${Math.floor(value / HOUR)}h ${pad(Math.floor((value % HOUR) / MINUTE))}m`;
	}
	return `${Math.floor(value / DAY)}d ${Math.floor((value % DAY) / HOUR)}h`;
}

function pad(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) {
		return `${bytes} B`;
	}
	if (bytes < 1024 * 1024) {
		return `${(bytes / 1024).toFixed(1)} KB`;
	}
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Roughly the length of `JSON.stringify(value)` without building the string, stopping once `cap` is passed
 * (so deciding "is this big?" about a 1 MB output costs little).
 */
export function approxJsonSize(value: unknown, cap = Number.POSITIVE_INFINITY): number {
	let total = 0;
	const stack: unknown[] = [value];
	while (stack.length > 0 && total <= cap) {
		const item = stack.pop();
		if (typeof item === 'string') {
			total += item.length + 2;
		} else if (Array.isArray(item)) {
			total += 2 + item.length;
			for (const child of item) {
				stack.push(child);
			}
		} else if (typeof item === 'object' && item !== null) {
			for (const [key, child] of Object.entries(item)) {
				total += key.length + 4;
				stack.push(child);
			}
			total += 2;
		} else {
			total += String(item).length;
		}
	}
	return total;
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
	['day', DAY],
	['hour', HOUR],
	['minute', MINUTE],
	['second', SECOND],
];

/** `3 minutes ago` / `in 5 seconds`, in the given locale (falls back to the runtime's on a bad tag). */
export function formatRelative(at: number, now: number, locale: string): string {
	const diff = at - now;
	const [unit, size] = RELATIVE_UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['second', SECOND];
	// Truncate like the tree's "8h ago", so the row and the panel never disagree (8h 34m is "8 hours ago").
	return relativeFormatter(locale).format(Math.trunc(diff / size), unit);
}

function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
	try {
		return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	} catch {
		return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
	}
}

/** Replaces `{0}`, `{1}`… in a localized template. */
export function fill(template: string, ...args: readonly (string | number)[]): string {
	return template.replace(/\{(\d+)\}/g, (match, index: string) => {
		const arg = args[Number(index)];
		return arg === undefined ? match : String(arg);
	});
}
