/**
 * Runs the real webview client in Debian's headless Chromium: a loopback HTTP server serves the very shell
 * `renderShell` produces (with its nonce CSP, `cspSource` = the server's origin) plus `dist/` and `media/`, and
 * an init script stands in for VS Code's `acquireVsCodeApi`, recording what the page posts and stores. Also
 * records dialogs, CSP violations and page errors, which no test expects to see.
 * Needs `node esbuild.js` (for dist/webview.js) before the compiled tests run.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { createNonce, renderShell } from '../../src/webview/html';
import type { FromWebview, ToWebview } from '../../src/webview/protocol';
import type { PageEvent, PageWindow } from './pageTypes';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CHROMIUM = process.env.VELT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
const TYPES: Readonly<Record<string, string>> = {
	'.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json',
};

export interface CspViolation {
	readonly directive: string;
	readonly blockedURI: string;
	readonly sourceFile: string;
	readonly sample: string;
}

/** One loaded panel page plus what it did. */
export interface PanelPage {
	readonly page: Page;
	readonly dialogs: string[];
	readonly pageErrors: string[];
	/** Posts like the host does and resolves once the client has handled the message. */
	post(message: ToWebview): Promise<void>;
	posted(): Promise<FromWebview[]>;
	state(): Promise<unknown>;
	cspViolations(): Promise<CspViolation[]>;
	close(): Promise<void>;
}

export interface PageOptions {
	/** Body class VS Code sets for the theme kind, e.g. `vscode-dark` or `vscode-high-contrast`. */
	readonly themeClass?: string;
	/** `--vscode-*` variables VS Code would set on `<html>`. */
	readonly themeVariables?: Readonly<Record<string, string>>;
	/** Runs before the page loads (e.g. `page.clock.install`). */
	readonly beforeLoad?: (page: Page) => Promise<void>;
}

/** Stands in for VS Code's webview host API; runs before any page script (init scripts are exempt from CSP). */
function installHostStub(init: { themeClass: string; themeVariables: Record<string, string> }): void {
	const w = globalThis as unknown as PageWindow;
	const posted: unknown[] = [];
	const violations: unknown[] = [];
	let state: unknown;
	let acquired = false;
	w.__posted = posted;
	w.__violations = violations;
	w.__getState = () => state;
	Object.defineProperty(w, 'acquireVsCodeApi', {
		value: () => {
			if (acquired) {
				throw new Error('An instance of the VS Code API has already been acquired');
			}
			acquired = true;
			return Object.freeze({
				postMessage: (message: unknown) => void posted.push(JSON.parse(JSON.stringify(message))),
				getState: () => state,
				setState: (next: unknown): void => {
					state = JSON.parse(JSON.stringify(next)) as unknown;
				},
			});
		},
	});
	w.document.addEventListener('securitypolicyviolation', (e) => {
		violations.push({ directive: e.violatedDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile, sample: e.sample });
	});
	w.document.addEventListener('DOMContentLoaded', () => {
		for (const [name, value] of Object.entries(init.themeVariables)) {
			w.document.documentElement.style.setProperty(name, value);
		}
		w.document.body.classList.add(init.themeClass);
	});
}

export const DARK_THEME: Readonly<Record<string, string>> = {
	'--vscode-font-family': 'system-ui, sans-serif',
	'--vscode-font-size': '13px',
	'--vscode-editor-font-family': 'monospace',
	'--vscode-foreground': '#cccccc',
	'--vscode-descriptionForeground': '#9d9d9d',
	'--vscode-editor-background': '#1f1f1f',
	'--vscode-sideBar-background': '#181818',
	'--vscode-panel-border': '#2b2b2b',
	'--vscode-button-background': '#0078d4',
	'--vscode-button-foreground': '#ffffff',
	'--vscode-button-hoverBackground': '#026ec1',
	'--vscode-button-secondaryBackground': '#313131',
	'--vscode-button-secondaryForeground': '#cccccc',
	'--vscode-focusBorder': '#0078d4',
	'--vscode-textLink-foreground': '#4daafc',
	'--vscode-errorForeground': '#f85149',
	'--vscode-testing-iconPassed': '#73c991',
	'--vscode-testing-iconFailed': '#f14c4c',
	'--vscode-charts-blue': '#3794ff',
	'--vscode-badge-background': '#616161',
	'--vscode-badge-foreground': '#f8f8f8',
	'--vscode-textCodeBlock-background': '#2b2b2b',
};

export class WebviewHarness {
	private constructor(
		private readonly server: http.Server,
		private readonly context: BrowserContext,
		private readonly userDataDir: string,
		readonly origin: string,
	) {}

	static async start(): Promise<WebviewHarness> {
		if (!fs.existsSync(path.join(ROOT, 'dist', 'webview.js'))) {
			throw new Error('dist/webview.js is missing: run `node esbuild.js` before the webview tests');
		}
		const server = http.createServer((req, res) => serve(req, res, origin));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velt-webview-chromium-'));
		try {
			const context = await chromium.launchPersistentContext(userDataDir, {
				executablePath: CHROMIUM,
				headless: true,
				args: CHROMIUM_ARGS,
			});
			return new WebviewHarness(server, context, userDataDir, origin);
		} catch (error) {
			server.close();
			fs.rmSync(userDataDir, { recursive: true, force: true });
			throw error;
		}
	}

	async open(options: PageOptions = {}): Promise<PanelPage> {
		const page = await this.context.newPage();
		const dialogs: string[] = [];
		const pageErrors: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(`${dialog.type()}: ${dialog.message()}`);
			void dialog.dismiss();
		});
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.addInitScript(installHostStub, {
			themeClass: options.themeClass ?? 'vscode-dark',
			themeVariables: { ...DARK_THEME, ...options.themeVariables },
		});
		await options.beforeLoad?.(page);
		await page.goto(`${this.origin}/panel.html`);
		await page.waitForFunction(() => ((globalThis as unknown as PageWindow).__posted ?? []).length > 0);
		return panelPage(page, dialogs, pageErrors);
	}

	async close(): Promise<void> {
		await this.context.close();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
		fs.rmSync(this.userDataDir, { recursive: true, force: true });
	}
}

function panelPage(page: Page, dialogs: string[], pageErrors: string[]): PanelPage {
	return {
		page,
		dialogs,
		pageErrors,
		post: (message) => page.evaluate(deliver, message),
		posted: () => page.evaluate(() => (globalThis as unknown as PageWindow).__posted as FromWebview[]),
		state: () => page.evaluate(() => (globalThis as unknown as PageWindow).__getState()),
		cspViolations: () => page.evaluate(() => (globalThis as unknown as PageWindow).__violations as CspViolation[]),
		close: () => page.close(),
	};
}

/** Posts the message, then a sentinel; messages arrive in order, so the sentinel means "handled". */
function deliver(message: unknown): Promise<void> {
	const w = globalThis as unknown as PageWindow;
	return new Promise<void>((resolve) => {
		const token = `sentinel-${Math.random()}`;
		const onMessage = (event: PageEvent): void => {
			if ((event.data as { sentinel?: string } | null)?.sentinel === token) {
				w.removeEventListener('message', onMessage);
				resolve();
			}
		};
		w.addEventListener('message', onMessage);
		w.postMessage(message, '*');
		w.postMessage({ sentinel: token }, '*');
	});
}

function serve(req: http.IncomingMessage, res: http.ServerResponse, origin: string): void {
	const url = new URL(req.url ?? '/', origin);
	if (url.pathname === '/panel.html') {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
		res.end(shell(origin));
		return;
	}
	const file = path.resolve(ROOT, `.${decodeURIComponent(url.pathname)}`);
	const allowed = [path.join(ROOT, 'dist') + path.sep, path.join(ROOT, 'media') + path.sep];
	if (!allowed.some((dir) => file.startsWith(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
		res.writeHead(404).end();
		return;
	}
	res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
	fs.createReadStream(file).pipe(res);
}

function shell(origin: string): string {
	return renderShell({
		cspSource: origin,
		nonce: createNonce(),
		scriptUri: `${origin}/dist/webview.js`,
		styleUri: `${origin}/media/webview.css`,
		codiconUri: `${origin}/dist/codicons/codicon.css`,
		title: 'Execution',
	});
}
