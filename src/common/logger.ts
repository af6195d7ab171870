/**
 * The logging port used by vscode-free layers. VS Code's `LogOutputChannel` satisfies it, so the extension
 * injects its channel and tests inject a recorder. Callers never pass credentials: the API layer logs method,
 * path, status and timing only.
 */
export interface Logger {
	trace(message: string, ...args: unknown[]): void;
	debug(message: string, ...args: unknown[]): void;
	info(message: string, ...args: unknown[]): void;
	warn(message: string, ...args: unknown[]): void;
	error(message: string | Error, ...args: unknown[]): void;
}

export const nullLogger: Logger = {
	trace: () => undefined,
	debug: () => undefined,
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined,
};
