/**
 * Webview entry (bundled to dist/webview.js). Acquires the host API once, hands messages to the app, and
 * announces `ready` so the host sends the current state, which it does again after every webview reload.
 */
import { App } from './app';

function main(): void {
	const api = acquireVsCodeApi<{ executionId: string }>();
	const root = document.getElementById('root');
	const live = document.getElementById('live');
	if (root === null || live === null) {
		return;
	}
	const app = new App(root, live, api);
	window.addEventListener('message', (event: MessageEvent<unknown>) => app.receive(event.data));
	api.postMessage({ type: 'ready' });
}

main();
