import assert from 'node:assert/strict';
import { isFromWebviewMessage, isWebUrl, MAX_EXTERNAL_URL_LENGTH } from '../../../src/webview/protocol';
import type { FromWebview } from '../../../src/webview/protocol';

const valid: FromWebview[] = [
	{ type: 'ready' },
	{ type: 'refresh' },
	{ type: 'copyJson' },
	{ type: 'copyId' },
	{ type: 'cancel' },
	{ type: 'watch' },
	{ type: 'unwatch' },
	{ type: 'loadMoreEvents' },
	{ type: 'signIn' },
	{ type: 'openExternal', url: 'https://app.acme.test/assets/8f3' },
	// The guard checks shape only; the host checks the scheme before opening.
	{ type: 'openExternal', url: 'javascript:alert(1)' },
];

const malformed: unknown[] = [
	undefined,
	null,
	0,
	'ready',
	[],
	[{ type: 'ready' }],
	{},
	{ type: 1 },
	{ type: 'READY' },
	{ type: 'unknown' },
	{ type: 'toString' },
	{ type: '__proto__' },
	{ type: 'ready', extra: true },
	{ type: 'refresh', executionId: 'exec_1' },
	{ type: 'openExternal' },
	{ type: 'openExternal', url: 42 },
	{ type: 'openExternal', url: '' },
	{ type: 'openExternal', url: 'https://a.test', target: '_blank' },
	{ type: 'openExternal', url: `https://a.test/${'x'.repeat(MAX_EXTERNAL_URL_LENGTH)}` },
	{ type: 'execution', execution: {} },
	Object.assign(Object.create({ type: 'ready' }) as object, {}),
];

describe('webview protocol guard', () => {
	for (const message of valid) {
		it(`accepts ${JSON.stringify(message)}`, () => {
			assert.equal(isFromWebviewMessage(message), true);
			assert.equal(isFromWebviewMessage(JSON.parse(JSON.stringify(message))), true, 'after a structured round trip');
		});
	}

	malformed.forEach((message, i) => {
		it(`rejects malformed message #${i} (${JSON.stringify(message) ?? String(message)})`, () => {
			assert.equal(isFromWebviewMessage(message), false);
		});
	});
});

describe('isWebUrl', () => {
	it('accepts absolute http and https URLs only', () => {
		assert.equal(isWebUrl('https://app.acme.test/a?b=c#d'), true);
		assert.equal(isWebUrl('http://127.0.0.1:8080/x'), true);
		for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd',
			'vscode://velt/x', 'command:workbench.action.quit', '//evil.test/x', '/relative', 'https://', 'not a url', '']) {
			assert.equal(isWebUrl(bad), false, bad);
		}
	});
});
