/**
 * What a restored panel remembers (`vscode.setState` in the client); nothing else survives a window reload.
 * The state comes back from the webview, so it is checked like any other input. vscode-free (unit-tested).
 */
export interface ExecutionPanelState {
	readonly executionId: string;
}

/** Execution ids are opaque; this only bounds what a restored state or a caller can make us fetch. */
const MAX_EXECUTION_ID_LENGTH = 1024;

export function isExecutionPanelState(value: unknown): value is ExecutionPanelState {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const id = (value as Record<string, unknown>).executionId;
	return typeof id === 'string' && id.trim().length > 0 && id.length <= MAX_EXECUTION_ID_LENGTH;
}
