import assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, escapeHtml, renderShell } from '../../../src/webview/html';
import type { ShellOptions } from '../../../src/webview/html';

const options: ShellOptions = {
	cspSource: 'https://*.vscode-cdn.net',
	nonce: 'bm9uY2Vub25jZW5vbmNlMQ==',
	scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
	styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css',
	codiconUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
	title: 'exec_1',
};

function cspOf(html: string): string {
	const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
	assert.ok(match, 'the shell has a CSP meta tag');
	return decode(match[1]);
}

/** What the browser sees in the attribute after entity decoding. */
function decode(attribute: string): string {
	const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`' };
	return attribute.replace(/&(amp|lt|gt|quot|#39|#96);/g, (entity) => entities[entity] ?? entity);
}

describe('webview html shell', () => {
	it('sets a nonce-based CSP with nothing unsafe and default-src none', () => {
		const csp = cspOf(renderShell(options));
		assert.match(csp, /default-src 'none'/);
		assert.match(csp, /script-src 'nonce-bm9uY2Vub25jZW5vbmNlMQ=='(;|$)/);
		assert.match(csp, /style-src https:\/\/\*\.vscode-cdn\.net(;|$)/);
		assert.match(csp, /font-src https:\/\/\*\.vscode-cdn\.net(;|$)/);
		assert.match(csp, /img-src https:\/\/\*\.vscode-cdn\.net data:(;|$)/);
		assert.doesNotMatch(csp, /unsafe-/);
		assert.equal(csp, contentSecurityPolicy(options.cspSource, options.nonce));
	});

	it('gives the one script the nonce and loads only the given assets', () => {
		const html = renderShell(options);
		const scripts = html.match(/<script\b[^>]*>/g) ?? [];
		assert.equal(scripts.length, 1);
		assert.equal(scripts[0], `<script nonce="${options.nonce}" src="${options.scriptUri}">`);
		assert.ok(html.includes(`<link rel="stylesheet" href="${options.styleUri}">`));
		assert.ok(html.includes(`<link rel="stylesheet" href="${options.codiconUri}">`));
		assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=/i, 'no inline styles or handlers');
	});

	it('escapes hostile titles, URIs and nonces instead of letting them out of their attribute or element', () => {
		const hostile = '</title><script>alert(1)</script>"\'><img src=x onerror=alert(2)>`';
		const html = renderShell({ ...options, title: hostile, scriptUri: `x" onload="alert(3)`, nonce: `n"><script>` });
		assert.ok(html.includes(`<title>${escapeHtml(hostile)}</title>`));
		assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'still exactly one script element');
		assert.doesNotMatch(html, /<img|" onload=/);
		assert.match(html, /src="x&quot; onload=&quot;alert\(3\)"/, 'the hostile URI stays inside its attribute');
		assert.equal(escapeHtml(`<>&"'\``), '&lt;&gt;&amp;&quot;&#39;&#96;');
	});

	it('contains no API data placeholders: the shell is the same for every execution except the title', () => {
		const a = renderShell(options);
		const b = renderShell({ ...options, title: 'exec_2' });
		assert.equal(a.replace('exec_1', ''), b.replace('exec_2', ''));
		assert.ok(a.includes('<main id="root" aria-busy="true"></main>'));
		assert.ok(a.includes('aria-live="polite"'));
	});

	it('creates 128-bit base64 nonces that differ every time', () => {
		const nonces = new Set(Array.from({ length: 50 }, createNonce));
		assert.equal(nonces.size, 50);
		for (const nonce of nonces) {
			assert.equal(Buffer.from(nonce, 'base64').length, 16);
		}
	});
});
