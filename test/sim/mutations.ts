/**
 * Status changes after generation (`updateExecution`, `executions/cancel`): the execution, its unfinished
 * steps and its event log move together, as the real engine would report them.
 */
import type { SimExecutionPatch } from './api';
import { EventLog } from './eventLog';
import { TERMINAL } from './model';
import type { SimExecution, SimStep } from './model';

const OPEN_STEP = new Set(['pending', 'running', 'waiting']);

/** Applies `patch` to `e` at time `now`, finishing open steps and appending the matching events. */
export function applyPatch(e: SimExecution, patch: SimExecutionPatch, now: number, reason?: string): void {
	const log = new EventLog(e);
	const from = e.status;
	const to = patch.status ?? e.status;
	e.status = to;
	if (to !== from) {
		moveTo(e, log, to, now);
	}
	if (patch.completedAt !== undefined) {
		e.completedAt = patch.completedAt;
	}
	if (patch.cancelledAt !== undefined) {
		e.cancelledAt = patch.cancelledAt;
	}
	if (patch.failureReason !== undefined) {
		e.failureReason = patch.failureReason === null ? null : { ...patch.failureReason };
	}
	if (to !== from && TERMINAL.has(to)) {
		const at = e.completedAt ?? e.cancelledAt ?? now;
		log.emit(`execution.${to}`, null, at, to === 'cancelled' ? (reason !== undefined ? { reason } : {}) : null);
	}
}

function moveTo(e: SimExecution, log: EventLog, to: SimExecution['status'], now: number): void {
	finishSteps(e, log, to, now);
	if (to === 'completed' || to === 'failed') {
		e.completedAt = now;
	}
	if (to === 'cancelled') {
		e.cancelledAt = now;
	}
	if (to === 'failed' && e.failureReason === null) {
		e.failureReason = { code: 'step-failed', message: 'Step failed: marked failed by the simulator' };
	}
	if (!TERMINAL.has(to)) {
		e.completedAt = null;
		e.cancelledAt = null;
		e.failureReason = null;
		log.hidden(); // step.started / step.resumed
	}
}

function finishSteps(e: SimExecution, log: EventLog, to: string, now: number): void {
	let failedOne = false;
	for (const step of e.steps.filter((s) => OPEN_STEP.has(s.status))) {
		step.startedAt ??= now;
		if (to === 'completed') {
			completeStep(step, log, now);
		} else if (to === 'failed' && !failedOne) {
			failedOne = true;
			step.status = 'failed';
			step.completedAt = now;
			step.error = { code: 'step-failed', message: 'Marked failed by the simulator' };
			log.emit('step.failed', step.stepId, now, { reason: 'exception' });
		} else if (to === 'failed' || to === 'cancelled') {
			step.status = 'cancelled';
			step.completedAt = now;
			log.emit('step.cancelled', step.stepId, now, { actorId: 'system:execution-cancel', reason: 'execution-cancelled' });
		} else if (to === 'running' && step.status === 'pending') {
			step.status = step.nodeType === 'human' || step.nodeType === 'agent' ? 'waiting' : 'running';
		}
	}
}

function completeStep(step: SimStep, log: EventLog, now: number): void {
	step.status = 'completed';
	step.completedAt = now;
	if (step.nodeType === 'human') {
		step.output = { ...step.output, aggregatorStatus: 'resolved', decision: 'approve', approved: true, resumedAt: now };
		log.hidden(2);
		log.emit('step.completed', step.stepId, now, { aggregatorStatus: 'resolved', nodeType: 'human', decision: 'approve' });
		return;
	}
	log.emit('step.completed', step.stepId, now, { nodeType: step.nodeType });
}
