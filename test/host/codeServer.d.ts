/** Types for codeServer.js (plain JS so the integration runner needs no compile step); used by scripts/demo.ts. */
import type { BrowserContext } from 'playwright-core';

export type PayloadPair = readonly [string, string];

export interface CodeServerOptions {
	/** Fresh folder for config, user data, extensions and XDG dirs. */
	readonly root: string;
	/** 0 or absent = a free port. Always binds 127.0.0.1. */
	readonly port?: number;
	/** Merged over the quiet settings into the user settings.json. */
	readonly userSettings?: Record<string, unknown>;
	/** Extra environment for code-server and thus the extension host. */
	readonly env?: Record<string, string>;
	/** Echo code-server's output. */
	readonly echo?: boolean;
	readonly startTimeoutMs?: number;
}

export interface CodeServer {
	readonly port: number;
	/** `http://localhost:<port>` (localhost, not 127.0.0.1: webviews live on `*.localhost`). */
	readonly origin: string;
	/** e.g. `VS Code 1.139.1 (code-server 4.139.1, Node 24.22.3)` */
	readonly version: string;
	logs(): string;
	stop(): Promise<void>;
}

export const QUIET_SETTINGS: Readonly<Record<string, unknown>>;
export function freePort(): Promise<number>;
export function makeTempDir(prefix: string): string;
export function writeJson(file: string, value: unknown): void;
export function startCodeServer(options: CodeServerOptions): Promise<CodeServer>;
export function workbenchUrl(port: number, folder: string, payload?: readonly PayloadPair[]): string;
export function devPayload(port: number, extensionDevelopmentPath: string, extensionTestsPath?: string): PayloadPair[];
export function launchBrowser(
	profileDir: string,
	options?: { headless?: boolean; viewport?: { width: number; height: number } },
): Promise<BrowserContext>;
