/**
 * Internal records of the simulator. They are a superset of the wire views: `organizationId`/`documentId`
 * are write-only on the real API and only surface as seed-variant step `metadata`.
 */
import type { ContractVariant } from './api';

export type ExecStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export const EXEC_STATUSES: readonly ExecStatus[] = ['pending', 'running', 'completed', 'failed', 'cancelled'];
export const TERMINAL: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

export type NodeType = 'agent' | 'human' | 'notification' | 'webhook';

export interface ErrorInfo {
	code: string;
	message: string;
}

export interface SimStep {
	stepId: string;
	nodeId: string;
	nodeType: NodeType;
	status: string;
	groupId: string | null;
	startedAt: number | null;
	completedAt: number | null;
	output: Record<string, unknown>;
	error: ErrorInfo | null;
}

export interface SimEvent {
	eventId: string;
	seq: number;
	type: string;
	stepId: string | null;
	timestamp: number;
	correlationId: string;
	data: Record<string, unknown> | null;
}

export interface SimExecution {
	executionId: string;
	status: ExecStatus;
	startedAt: number;
	completedAt: number | null;
	cancelledAt: number | null;
	definitionId: string;
	definitionVersion: number;
	correlationId: string;
	idempotencyKey: string;
	failureReason: ErrorInfo | null;
	organizationId: string;
	documentId: string;
	steps: SimStep[];
	events: SimEvent[];
	/** Highest seq used so far, hidden internal events included. */
	lastSeq: number;
}

/** The wire `ExecutionView`; `withSteps` false gives the list item of the current variant (`steps: []`). */
export function toExecutionView(e: SimExecution, variant: ContractVariant, withSteps: boolean): Record<string, unknown> {
	const steps = withSteps ? e.steps.map((s) => toStepView(e, s, variant)) : [];
	return {
		executionId: e.executionId,
		status: e.status,
		startedAt: e.startedAt,
		completedAt: e.completedAt,
		cancelledAt: e.cancelledAt,
		definitionId: e.definitionId,
		definitionVersion: e.definitionVersion,
		correlationId: e.correlationId,
		idempotencyKey: e.idempotencyKey,
		failureReason: e.failureReason === null ? null : { ...e.failureReason },
		steps,
	};
}

function toStepView(e: SimExecution, s: SimStep, variant: ContractVariant): Record<string, unknown> {
	const view: Record<string, unknown> = {
		stepId: s.stepId,
		nodeId: s.nodeId,
		nodeType: s.nodeType,
		status: s.status,
		groupId: s.groupId,
		startedAt: s.startedAt,
		completedAt: s.completedAt,
		output: structuredClone(s.output),
		error: s.error === null ? null : { ...s.error },
	};
	if (variant === 'seed') {
		view.metadata = { organizationId: e.organizationId, documentId: e.documentId };
	}
	return view;
}
