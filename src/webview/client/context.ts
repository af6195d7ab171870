/**
 * What every render function needs: the localized strings, the host-synchronised clock, the user's
 * remembered expand state, the ticker for live durations and the way back to the host.
 */
import { fill } from '../format';
import type { FromWebview, WebviewStringKey, WebviewStrings } from '../protocol';
import type { Ticker } from './ticker';

export interface RenderContext {
	readonly strings: WebviewStrings;
	/** Epoch ms on the host's clock. */
	readonly now: () => number;
	/** `data-key` → open, as the user left it before this render. */
	readonly memory: ReadonlyMap<string, boolean>;
	readonly ticker: Ticker;
	readonly post: (message: FromWebview) => void;
}

export function t(ctx: RenderContext, key: WebviewStringKey, ...args: readonly (string | number)[]): string {
	return args.length === 0 ? ctx.strings[key] : fill(ctx.strings[key], ...args);
}

/** `1 key` / `5 keys`, `1 item` / `5 items`. */
export function countText(ctx: RenderContext, count: number, unit: 'keys' | 'items'): string {
	if (unit === 'keys') {
		return count === 1 ? t(ctx, 'countKey') : t(ctx, 'countKeys', count);
	}
	return count === 1 ? t(ctx, 'countItem') : t(ctx, 'countItems', count);
}
