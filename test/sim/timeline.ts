/**
 * Builds the steps and events of one generated execution from its definition and final status, so that
 * steps, events, timestamps and `failureReason` agree with each other (velt-api.md §3.2, §3.3, §4.3).
 */
import type { DefinitionSpec, NodeSpec, Stage } from './catalog';
import { EventLog } from './eventLog';
import type { SimExecution, SimStep } from './model';
import * as out from './outputs';
import type { Prng } from './prng';

type Mode = 'approve' | 'reject' | 'fail' | 'wait' | 'cancel' | 'pending';

interface Ctx {
	readonly e: SimExecution;
	readonly prng: Prng;
	readonly log: EventLog;
	readonly span: number;
}

/** Fills `e.steps`, `e.events`, `e.lastSeq` and the terminal timestamps; `now` bounds running runs. */
export function buildTimeline(e: SimExecution, spec: DefinitionSpec, prng: Prng, now: number): void {
	const terminal = e.status === 'completed' || e.status === 'failed' || e.status === 'cancelled';
	const total = terminal ? Math.min(prng.int(180_000, 259_200_000), Math.max(now - e.startedAt - 1000, 5000)) : Math.max(now - e.startedAt, 5000);
	const ctx: Ctx = { e, prng, log: new EventLog(e), span: total / (spec.stages.length + 1) };
	const humanStages = spec.stages.map((s, i) => (s.nodes.some((n) => n.type === 'human') ? i : -1)).filter((i) => i >= 0);
	const rejected = e.status === 'completed' && humanStages.length > 0 && prng.chance(0.15);
	const last = spec.stages.length - 1;
	const stop = rejected ? (humanStages[0] ?? 0) : e.status === 'completed' ? last : e.status === 'pending' ? 0 : prng.int(0, last);
	const rootIds = spec.stages[0]?.nodes.map((n) => `step_${n.nodeId}_${e.startedAt - prng.int(20, 90)}_${prng.alnum(6)}`) ?? [];
	ctx.log.emit('execution.dispatched', null, e.startedAt, { definitionId: e.definitionId, definitionVersion: e.definitionVersion, rootStepIds: rootIds });
	let clock = e.startedAt + prng.int(30, 200);
	let parents: string[] = [];
	for (let i = 0; i <= stop; i++) {
		const stage = spec.stages[i] as Stage;
		const mode: Mode = i < stop ? 'approve' : stageMode(e.status, rejected);
		const ids = i === 0 ? rootIds : stage.nodes.map((n) => childId(parents, spec.stages[i - 1] as Stage, n));
		clock = runStage(ctx, stage, ids, mode, clock);
		parents = ids;
	}
	if (rejected) {
		const node = spec.rejectNode;
		clock = runStep(ctx, node, `${parents[0] ?? 'step'}__to__${node.nodeId}`, null, 'approve', clock);
	}
	finish(ctx, clock);
}

function stageMode(status: SimExecution['status'], rejected: boolean): Mode {
	switch (status) {
		case 'completed':
			return rejected ? 'reject' : 'approve';
		case 'failed':
			return 'fail';
		case 'cancelled':
			return 'cancel';
		case 'running':
			return 'wait';
		case 'pending':
			return 'pending';
	}
}

function childId(parents: readonly string[], prev: Stage, node: NodeSpec): string {
	if (prev.group !== undefined) {
		return `group_${prev.group.groupId}__to__${node.nodeId}`;
	}
	return `${parents[0] ?? 'step'}__to__${node.nodeId}`;
}

function runStage(ctx: Ctx, stage: Stage, ids: readonly string[], mode: Mode, start: number): number {
	let end = start;
	stage.nodes.forEach((node, i) => {
		const memberMode = memberModeOf(mode, i, stage.nodes.length);
		end = Math.max(end, runStep(ctx, node, ids[i] ?? '', stage.group?.groupId ?? null, memberMode, start));
	});
	if (stage.group !== undefined && mode === 'approve') {
		const n = stage.nodes.length;
		ctx.log.emit('group.quorum-met', null, end, { groupId: stage.group.groupId, total: n, quorum: stage.group.quorum, completedTotal: n, expectedSteps: n });
	}
	return end + ctx.prng.int(20, 300);
}

/** In a group only the first member fails/rejects; the others finish normally (or keep waiting). */
function memberModeOf(mode: Mode, index: number, size: number): Mode {
	if (size === 1 || index === 0 || mode === 'cancel' || mode === 'pending') {
		return mode;
	}
	return mode === 'wait' && index === size - 1 ? 'wait' : 'approve';
}

function runStep(ctx: Ctx, node: NodeSpec, stepId: string, groupId: string | null, mode: Mode, start: number): number {
	const { e, prng, log } = ctx;
	const step: SimStep = { stepId, nodeId: node.nodeId, nodeType: node.type, status: 'pending', groupId, startedAt: null, completedAt: null, output: {}, error: null };
	e.steps.push(step);
	log.hidden();
	if (mode === 'pending') {
		return start;
	}
	const startedAt = startStep(ctx, node, step, start);
	const end = startedAt + Math.max(500, Math.floor(ctx.span * (0.2 + prng.next() * 0.6)));
	if (mode === 'wait') {
		return startedAt;
	}
	if (mode === 'cancel') {
		step.status = 'cancelled';
		step.completedAt = end;
		log.emit('step.cancelled', stepId, end, { actorId: 'system:execution-cancel', reason: 'execution-cancelled' });
		return end;
	}
	step.completedAt = end;
	return mode === 'fail' ? failStep(ctx, node, step, end) : completeStep(ctx, node, step, mode === 'reject' ? 'reject' : 'approve');
}

/** pending → running, or → waiting (with `step.awaiting-approval`) for nodes that park. */
function startStep(ctx: Ctx, node: NodeSpec, step: SimStep, start: number): number {
	ctx.log.hidden();
	const startedAt = start + ctx.prng.int(10, 200);
	step.startedAt = startedAt;
	const parks = node.type === 'human' || node.type === 'agent';
	if (parks) {
		ctx.log.emit('step.awaiting-approval', step.stepId, startedAt + 5, awaitingData(node, step.stepId, ctx.prng));
	}
	step.status = parks ? 'waiting' : 'running';
	step.output = node.type === 'human' ? out.humanWaitingOutput(node) : {};
	return startedAt;
}

function awaitingData(node: NodeSpec, stepId: string, prng: Prng): Record<string, unknown> {
	if (node.type === 'human') {
		const reviewers = out.humanWaitingOutput(node).reviewers as { mandatory: boolean }[];
		return { waitingForReviewers: reviewers.length, mandatoryCount: reviewers.filter((r) => r.mandatory).length, resumeKey: out.resumeKey(stepId) };
	}
	return { agentId: node.config.agentId, agentExecutionId: `agx_${prng.alnum(10)}`, pollIntervalMs: node.config.pollIntervalMs };
}

function completeStep(ctx: Ctx, node: NodeSpec, step: SimStep, decision: 'approve' | 'reject'): number {
	const { e, prng, log } = ctx;
	const end = step.completedAt ?? 0;
	step.status = 'completed';
	let data: Record<string, unknown>;
	if (node.type === 'human') {
		log.hidden((step.output.reviewerIds as unknown[]).length + 1);
		step.output = out.humanDoneOutput(node, step.stepId, decision, end);
		data = { aggregatorStatus: step.output.aggregatorStatus, nodeType: 'human', decision };
	} else if (node.type === 'agent') {
		log.hidden();
		step.output = out.agentOutput(prng, e, decision === 'approve', end - (step.startedAt ?? end));
		data = { agentExecutionId: `agx_${prng.alnum(10)}`, agentExecutionStatus: step.output.agentExecutionStatus, decision, source: 'poll' };
	} else if (node.type === 'webhook') {
		step.output = out.webhookOutput(prng, node);
		data = { nodeType: 'webhook', httpStatus: step.output.httpStatus };
	} else {
		step.output = out.notificationOutput(prng, node, end);
		data = { nodeType: 'notification', channel: node.config.channel };
	}
	log.emit('step.completed', step.stepId, end, data);
	return end;
}

function failStep(ctx: Ctx, node: NodeSpec, step: SimStep, end: number): number {
	const err = out.stepError(node, ctx.prng);
	step.error = err;
	if (node.type === 'human') {
		step.status = 'breached';
		ctx.log.emit('step.breached', step.stepId, end, { reason: 'sla-elapsed' });
	} else {
		step.status = 'failed';
		ctx.log.hidden(2); // step.retried
		ctx.log.emit('step.failed', step.stepId, end, out.failedEventData(node, err));
	}
	ctx.e.failureReason = { code: node.type === 'human' ? 'step-breached' : 'step-failed', message: `Step ${node.nodeId} ${step.status}: ${err.message}` };
	return end;
}

function finish(ctx: Ctx, clock: number): void {
	const { e, log } = ctx;
	const at = clock + ctx.prng.int(5, 80);
	if (e.status === 'completed') {
		e.completedAt = at;
		log.emit('execution.completed', null, at, null);
	} else if (e.status === 'failed') {
		e.completedAt = at;
		log.emit('execution.failed', null, at, null);
	} else if (e.status === 'cancelled') {
		e.cancelledAt = at;
		log.emit('execution.cancelled', null, at, { reason: ctx.prng.pick(['Superseded by a newer draft', 'Requested by author', 'Campaign postponed']) });
	}
}
