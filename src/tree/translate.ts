/**
 * The tree's text goes through a `Translate` function so the node-building code stays vscode-free: the UI
 * layer passes `vscode.l10n.t`, tests pass nothing and get the English text with `{0}` placeholders filled.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export const formatMessage: Translate = (message, ...args) =>
	message.replace(/\{(\d+)\}/g, (match, index: string) => {
		const value = args[Number(index)];
		return value === undefined ? match : String(value);
	});
