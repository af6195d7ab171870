/**
 * The execution panel's HTML shell. It carries no API data at all (data arrives by message after `ready`), so
 * the only interpolations are URIs, the nonce and the title, and each of them is escaped anyway. Kept free of
 * `vscode` so unit tests and the Chromium harness render the very same shell the extension serves.
 */
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
	/** `webview.cspSource`: the only origin styles, fonts and images may come from. */
	readonly cspSource: string;
	/** Fresh per render; the only thing that lets a script run. */
	readonly nonce: string;
	readonly scriptUri: string;
	readonly styleUri: string;
	readonly codiconUri: string;
	readonly title: string;
	/** BCP 47 tag for `<html lang>`; defaults to `en`. */
	readonly lang?: string;
}

/** 128 bits from the OS CSPRNG: `Math.random`/time-based nonces are guessable. */
export function createNonce(): string {
	return randomBytes(16).toString('base64');
}

const ESCAPES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'`': '&#96;',
};

/** Safe in text and in quoted attribute values alike. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

/** Nothing inline and no eval: styles come only from our stylesheets, scripts only with the nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
	return [
		`default-src 'none'`,
		`img-src ${cspSource} data:`,
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
}

export function renderShell(options: ShellOptions): string {
	const e = escapeHtml;
	const csp = contentSecurityPolicy(options.cspSource, options.nonce);
	return `<!DOCTYPE html>
<html lang="${e(options.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(options.codiconUri)}">
<link rel="stylesheet" href="${e(options.styleUri)}">
<title>${e(options.title)}</title>
</head>
<body>
<main id="root" aria-busy="true"></main>
<div id="live" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${e(options.nonce)}" src="${e(options.scriptUri)}"></script>
</body>
</html>
`;
}
