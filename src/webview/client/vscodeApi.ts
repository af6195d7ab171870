/**
 * The webview host's API, as VS Code injects it. It may be acquired once per page load, so `main.ts` does it
 * and passes the pieces on; nothing else touches the global.
 */
import type { FromWebview } from '../protocol';

export interface WebviewApi<State> {
	postMessage(message: FromWebview): void;
	getState(): State | undefined;
	setState(state: State): void;
}

declare global {
	function acquireVsCodeApi<State = unknown>(): WebviewApi<State>;
}
