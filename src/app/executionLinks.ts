/**
 * Links that open one execution in VS Code (`vscode://velt-workflows.velt-workflow-executions/open?executionId=…`),
 * for sharing in chat or tickets. vscode-free: building and parsing are unit-tested on plain Node; the URI
 * handler only calls `parseExecutionLink` and opens the panel.
 */
export const OPEN_PATH = '/open';

/** The ids we accept from a link: what the API uses, bounded, nothing that could smuggle a path. */
const EXECUTION_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

export function executionLink(uriScheme: string, extensionId: string, executionId: string): string {
	return `${uriScheme}://${extensionId}${OPEN_PATH}?executionId=${encodeURIComponent(executionId)}`;
}

/** The execution id of a link's path and query, or undefined when the link is not ours or malformed. */
export function parseExecutionLink(path: string, query: string): string | undefined {
	if (path !== OPEN_PATH) {
		return undefined;
	}
	const id = new URLSearchParams(query).get('executionId')?.trim();
	return id !== undefined && EXECUTION_ID.test(id) ? id : undefined;
}
