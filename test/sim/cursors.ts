/**
 * The two cursor formats of `executions/list` (product-spec "Two contract variants"): the current API's
 * decimal epoch-ms `startedAt` string and the seed page's base64 `{"offset":N}`. Decoders return undefined
 * for anything malformed so the handler can answer INVALID_ARGUMENT.
 */

export function encodeStartedAtCursor(startedAt: number): string {
	return String(startedAt);
}

export function decodeStartedAtCursor(cursor: string): number | undefined {
	if (!/^\d{1,16}$/.test(cursor)) {
		return undefined;
	}
	const value = Number(cursor);
	return Number.isSafeInteger(value) ? value : undefined;
}

export function encodeOffsetCursor(offset: number): string {
	return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64');
}

export function decodeOffsetCursor(cursor: string): number | undefined {
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) {
		return undefined;
	}
	try {
		const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			return undefined;
		}
		const offset = (parsed as Record<string, unknown>).offset;
		return typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined;
	} catch {
		return undefined;
	}
}
