/**
 * Polls `probe` until it returns something other than `undefined`/`false`, for state that settles
 * asynchronously (tree refreshes, webview messages). Rejects with `message` after `timeoutMs` (default 10 s).
 */
export async function waitFor<T>(
	probe: () => T | undefined | false | Promise<T | undefined | false>,
	options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 10000;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) {
			return value;
		}
		if (Date.now() >= deadline) {
			throw new Error(`${options.message ?? 'condition not met'} within ${timeoutMs} ms`);
		}
		await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
	}
}
