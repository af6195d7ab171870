/** Builders for executions and pages, so tests state only the fields they care about. */
import type { ExecutionStatus, ExecutionView, Page, StepView } from '../../../src/api/types';

let sequence = 0;

export function anExecution(init: Partial<ExecutionView> = {}): ExecutionView {
	sequence++;
	return {
		executionId: `exec_${String(sequence).padStart(6, '0')}`,
		status: 'completed',
		startedAt: 1_777_000_000_000 - sequence * 1000,
		completedAt: null,
		cancelledAt: null,
		definitionId: 'marketing-copy-approval',
		definitionVersion: 1,
		correlationId: null,
		idempotencyKey: null,
		failureReason: null,
		steps: [],
		...init,
	};
}

/** `count` executions of one status, newest first, with distinct start times a second apart. */
export function executions(count: number, status: ExecutionStatus = 'completed', start = 1_777_000_000_000): ExecutionView[] {
	return Array.from({ length: count }, (_, i) =>
		anExecution({ executionId: `${status}_${String(i).padStart(5, '0')}`, status, startedAt: start - i * 1000 }),
	);
}

export function aStep(metadata?: Record<string, unknown>): StepView {
	return {
		stepId: 'step_1',
		nodeId: 'agent-draft',
		nodeType: 'agent',
		status: 'completed',
		groupId: null,
		startedAt: null,
		completedAt: null,
		output: {},
		error: null,
		...(metadata === undefined ? {} : { metadata }),
	};
}

export function aPage<T>(items: readonly T[], nextCursor?: string): Page<T> {
	return { items, nextCursor, done: nextCursor === undefined };
}

export function ids(items: readonly { executionId: string }[]): string[] {
	return items.map((item) => item.executionId);
}
