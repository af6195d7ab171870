/**
 * The pager's defences against an API that would make it loop: a cursor it has already followed, or a page
 * that brings nothing new. Either is reported as an `invalidResponse` error in the group (loaded rows stay),
 * never followed. Also the one place that turns an unexpected throwable into an `ApiError`, so the UI only
 * ever deals with `kind`s.
 */
import { ApiError } from '../api/errors';
import type { Page } from '../api/types';

export const REPEATED_CURSOR_MESSAGE = 'The API returned a cursor it had already returned; stopped paging to avoid a loop.';
export const REPEATED_PAGE_MESSAGE = 'The API returned the same page twice; stopped paging to avoid a loop.';

/** The end of a list: no cursor, `hasMore: false` (already folded into `done` by the client), or no items. */
export function isLastPage<T>(page: Page<T>): boolean {
	return page.done || page.nextCursor === undefined || page.items.length === 0;
}

/** Whether `page` points back at a cursor this chain already followed (including the one it answered). */
export function repeatsCursor<T>(requestCursor: string | undefined, page: Page<T>, followed: ReadonlySet<string>): boolean {
	const next = page.nextCursor;
	return next !== undefined && (next === requestCursor || followed.has(next));
}

/** The error for a page that would make paging loop: it repeats a page, or only a cursor. */
export function loopError(repeatedPage: boolean): ApiError {
	return repeatedPage
		? new ApiError('invalidResponse', REPEATED_PAGE_MESSAGE, { field: 'result.items' })
		: new ApiError('invalidResponse', REPEATED_CURSOR_MESSAGE, { field: 'result.nextCursor' });
}

export function toApiError(error: unknown): ApiError {
	if (ApiError.is(error)) {
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new ApiError('invalidResponse', `Unexpected error while loading executions: ${message}`, { cause: error });
}
