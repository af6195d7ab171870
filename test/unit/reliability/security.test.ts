/**
 * Security checks of the reliability suite that need no VS Code: what the `.vsix` would contain (vsce's own
 * file list over `.vscodeignore`), what the shipped bundles contain, and the webview → host message guard
 * under random input. The CSP itself is checked in test/unit/webview/html.test.ts and in Chromium
 * (test/webview/security.test.ts); credentials in host files in test/integration/{auth,reliability}.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { listFiles, PackageManager } from '@vscode/vsce';
import { isFromWebviewMessage, MAX_EXTERNAL_URL_LENGTH } from '../../../src/webview/protocol';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../../sim/api';

const root = path.resolve(__dirname, '..', '..', '..', '..');
/** Messages per property; RELIABILITY.md counts them. */
export const GUARD_MESSAGES = 1000;

/** The runtime bundle, media, the manifest and user-facing docs: nothing else may ship. */
const SHIPPABLE = [
	/^dist\/(extension|webview)\.js$/,
	/^dist\/codicons\/codicon\.(css|ttf)$/,
	/^media\/[\w.-]+\.(png|svg|css)$/,
	/^docs\/images\/[\w.-]+\.png$/,
	/^(package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
	/^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
];

const BARE_TYPES = ['ready', 'refresh', 'copyJson', 'copyId', 'cancel', 'watch', 'unwatch', 'loadMoreEvents', 'signIn'];

function exists(rel: string): boolean {
	return fs.existsSync(path.join(root, rel));
}

/** The exact FromWebview shapes, written out independently of the guard. */
function isValidMessage(value: unknown): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return false;
	}
	const keys = Object.keys(value).sort();
	const record = value as Record<string, unknown>;
	if (BARE_TYPES.includes(record['type'] as string)) {
		return keys.length === 1;
	}
	const url = record['url'];
	return record['type'] === 'openExternal' && keys.join() === 'type,url' && typeof url === 'string' && url.length > 0 && url.length <= MAX_EXTERNAL_URL_LENGTH;
}

describe('reliability: security of what ships and what the host accepts', function () {
	this.timeout(30_000);

	it('the .vsix holds only the runtime bundle, codicons, media, docs images and the manifest (vsce file list)', async () => {
		const files = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((file) => file.split(path.sep).join('/'));
		const stray = files.filter((file) => !SHIPPABLE.some((pattern) => pattern.test(file)));
		assert.deepEqual(stray, [], 'files outside the allow-list would ship');
		assert.ok(files.includes('package.json'));
		for (const bundle of ['dist/extension.js', 'dist/webview.js']) {
			assert.equal(files.includes(bundle), exists(bundle), `${bundle} ships whenever it is built`);
		}
		assert.ok(!files.some((file) => file.endsWith('.map') || /^(src|test|out|bench|scripts|node_modules)\//.test(file)));
	});

	it('the built bundles hold no test data, simulator code or credentials, and need no eval under the CSP', function (this: Mocha.Context) {
		if (!exists('dist/extension.js') || !exists('dist/webview.js')) {
			this.skip(); // the unit step alone does not build; `node scripts/test.js` builds first
		}
		const bundles = ['dist/extension.js', 'dist/webview.js'].map((rel) => [rel, fs.readFileSync(path.join(root, rel), 'utf8')] as const);
		for (const [rel, text] of bundles) {
			for (const forbidden of [SIM_AUTH_TOKEN, SIM_API_KEY, 'startSimulator', 'test/sim/', 'fast-check']) {
				assert.ok(!text.includes(forbidden), `${rel} contains ${forbidden}`);
			}
		}
		const webview = bundles[1]![1];
		assert.ok(!/\beval\(|new Function\(/.test(webview), 'the webview bundle needs unsafe-eval');
	});

	it('maps next to the bundles (dev builds) embed only src/ sources, and none of them ships', function (this: Mocha.Context) {
		const maps = fs.existsSync(path.join(root, 'dist')) ? fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.map')) : [];
		if (maps.length === 0) {
			this.skip(); // production builds have none
		}
		for (const map of maps) {
			const { sources } = JSON.parse(fs.readFileSync(path.join(root, 'dist', map), 'utf8')) as { sources: string[] };
			const outside = sources.filter((source) => !/^(\.\.\/)?(src|node_modules)\//.test(source));
			assert.deepEqual(outside, [], `${map} embeds sources outside src/`);
		}
	});

	it(`the webview message guard accepts exactly the known shapes (${GUARD_MESSAGES} random messages, never a throw)`, () => {
		const nearMiss = fc.record(
			{
				type: fc.oneof(fc.constantFrom(...BARE_TYPES, 'openExternal', 'execution', 'error', '__proto__'), fc.string()),
				url: fc.oneof(fc.string(), fc.webUrl(), fc.integer()),
				executionId: fc.string(),
				command: fc.string(),
			},
			{ requiredKeys: ['type'] },
		);
		const message = fc.oneof(nearMiss, fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true }));
		fc.assert(
			fc.property(message, (value) => assert.equal(isFromWebviewMessage(value), isValidMessage(value), fc.stringify(value))),
			{ numRuns: GUARD_MESSAGES },
		);
	});
});
