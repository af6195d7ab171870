/**
 * Tree commands get their argument in two shapes: the value the row's click command carries (a status or
 * an execution id) or, from context menus and inline actions, the tree node itself. These helpers accept
 * both so every handler reads one value. vscode-free.
 */
import type { ExecutionStatus } from '../api/types';
import { isExecutionStatus } from '../api/types';

export function statusArgument(arg: unknown): ExecutionStatus | undefined {
	if (isExecutionStatus(arg)) {
		return arg;
	}
	if (typeof arg === 'object' && arg !== null && 'kind' in arg && 'status' in arg) {
		const status = (arg as { status: unknown }).status;
		return isExecutionStatus(status) ? status : undefined;
	}
	return undefined;
}

export function executionIdArgument(arg: unknown): string | undefined {
	if (typeof arg === 'string') {
		return arg.trim() === '' ? undefined : arg;
	}
	if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'execution') {
		const execution = (arg as { execution?: { executionId?: unknown } }).execution;
		return typeof execution?.executionId === 'string' ? execution.executionId : undefined;
	}
	return undefined;
}
