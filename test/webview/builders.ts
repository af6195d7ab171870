/**
 * Fixture executions for the webview tests and benchmark, built in code: a realistic run with all four node
 * types, a parallel group, a failing step, seed-variant metadata, unknown fields and events with seq gaps; a
 * 300-step run with a 1 MB output; and the same run shapes filled with hostile strings.
 */
import type { ApprovalEventView, ExecutionView, StepView } from '../../src/api/types';

export const T0 = 1_777_374_504_364;
export const ROOT_STEP = 'step_agent-draft_1777374504300_lwofay';

export function aStep(init: Partial<StepView> & Pick<StepView, 'stepId' | 'nodeId' | 'nodeType'>): StepView {
	return { status: 'completed', groupId: null, startedAt: T0, completedAt: T0 + 1000, output: {}, error: null, ...init };
}

/** velt-api.md §9.1 grown to cover every node type, a failure, metadata and extra fields. */
export function realisticExecution(init: Partial<ExecutionView> = {}): ExecutionView {
	const steps: StepView[] = [
		aStep({
			stepId: `${ROOT_STEP}__to__human-brand`, nodeId: 'human-brand', nodeType: 'human', status: 'waiting',
			groupId: 'parallel-review', startedAt: T0 + 116_000, completedAt: null,
			output: { reviewers: [{ userId: 'u_brand_01', mandatory: true }, { userId: 'u_brand_02', mandatory: false }] },
		}),
		aStep({
			stepId: ROOT_STEP, nodeId: 'agent-draft', nodeType: 'agent', startedAt: T0 + 36, completedAt: T0 + 115_636,
			output: {
				agentExecutionStatus: 'passed',
				agentResultsSummary: { totalFindings: 3, summary: 'Three style issues.', severityCounts: { high: 1, low: 2 } },
				resolvedUrl: 'https://app.acme.test/assets/8f3',
				agentDurationMs: 115_600,
				decision: 'approve',
			},
			metadata: { organizationId: 'org_acme', documentId: 'doc_42' },
		}),
		aStep({
			stepId: `${ROOT_STEP}__to__human-legal`, nodeId: 'human-legal', nodeType: 'human', groupId: 'parallel-review',
			startedAt: T0 + 116_000, completedAt: T0 + 196_000,
			output: {
				reviewers: [{ userId: 'u_legal_01', mandatory: true }], reviewerIds: ['u_legal_01'], reviewerEmails: [],
				commentBody: 'Looks fine to legal.', aggregatorStatus: 'resolved', approveCount: 1, rejectCount: 0,
				totalResponses: 1, mandatoryCount: 1, mandatoryApproveCount: 1, decision: 'approve', approved: true,
			},
			extra: { attempts: 2, slaDeadline: T0 + 600_000 },
		}),
		aStep({
			stepId: `group_parallel-review__to__webhook-publish`, nodeId: 'webhook-publish', nodeType: 'webhook',
			status: 'failed', startedAt: T0 + 197_000, completedAt: T0 + 207_000,
			output: { httpStatus: 502, responseText: 'Bad gateway', responseHeaders: { 'content-type': 'text/plain' } },
			error: { code: 'webhook-http-error', message: 'Upstream answered 502 Bad Gateway' },
		}),
		aStep({
			stepId: `group_parallel-review__to__notify-team`, nodeId: 'notify-team', nodeType: 'notification',
			status: 'skipped', startedAt: null, completedAt: null, output: { channel: 'slack' },
		}),
	];
	return {
		executionId: 'exec_1777374504255_xzy43k9q', status: 'running', startedAt: T0, completedAt: null, cancelledAt: null,
		definitionId: 'marketing-copy-approval', definitionVersion: 3, correlationId: 'corr_campaign_42',
		idempotencyKey: 'campaign-42-dispatch', failureReason: null, steps, ...init,
	};
}

/** Events with seq gaps (internal events consume numbers): 1, 4, 7, 8, 12. */
export function realisticEvents(): ApprovalEventView[] {
	const event = (seq: number, type: string, stepId: string | null, data: ApprovalEventView['data']): ApprovalEventView => ({
		eventId: `evt_${seq}`, seq, type, stepId, timestamp: T0 + seq * 1000, correlationId: 'corr_campaign_42', data,
	});
	return [
		event(1, 'execution.dispatched', null, { definitionId: 'marketing-copy-approval', definitionVersion: 3, rootStepIds: [ROOT_STEP] }),
		event(4, 'step.completed', ROOT_STEP, { agentExecutionStatus: 'passed', decision: 'approve', source: 'poll' }),
		event(7, 'step.awaiting-approval', `${ROOT_STEP}__to__human-brand`, { waitingForReviewers: 1, mandatoryCount: 1 }),
		event(8, 'group.quorum-met', null, { groupId: 'parallel-review', total: 2, quorum: 1 }),
		event(12, 'step.failed', 'group_parallel-review__to__webhook-publish', { httpStatus: 502, latencyMs: 140, retryClass: 'server' }),
	];
}

/** A 300-step run whose middle step carries a ~1 MB output (a long text plus a wide JSON body). */
export function largeExecution(marker = 'BIG-VALUE-MARKER'): ExecutionView {
	const types = ['agent', 'human', 'notification', 'webhook'] as const;
	const steps: StepView[] = Array.from({ length: 300 }, (_, i) =>
		aStep({
			stepId: `step_node-${i}_${T0}_r${i}`, nodeId: `node-${i}`, nodeType: types[i % 4] ?? 'agent',
			status: i % 17 === 0 ? 'failed' : 'completed', groupId: i % 10 === 0 ? `group-${i}` : null,
			startedAt: T0 + i * 1000, completedAt: T0 + i * 1000 + 800,
			output: { decision: 'approve', approveCount: 1, httpStatus: 200, note: `step ${i}` },
			error: i % 17 === 0 ? { code: 'step-error', message: `Step ${i} failed` } : null,
		}),
	);
	const rows = Array.from({ length: 2000 }, (_, i) => ({ id: i, title: `row ${i}`, body: 'x'.repeat(150) }));
	const big = `${marker}${'lorem ipsum '.repeat(60_000)}`;
	steps[150] = { ...steps[150], output: { httpStatus: 200, responseText: big, responseJson: { rows } } };
	return realisticExecution({ executionId: 'exec_large_300', status: 'completed', completedAt: T0 + 400_000, steps });
}

/** Strings that would execute, spoof or overflow if any of them were ever parsed as HTML. */
export const HOSTILE = {
	img: '<img src=x onerror="window.__pwned=1;alert(1)">',
	script: '</script><script>window.__pwned=2;alert(2)</script>',
	jsUrl: 'javascript:alert(3)',
	svg: '"><svg onload="window.__pwned=4;alert(4)">',
	rtl: 'exec_\u202Egnp.exe\u202C_rtl',
	zeroWidth: 'zero\u200Bwidth\u200D\uFEFF',
	emoji: '🚀 ünïcödé 日本語 עברית',
	long: `LONG-${'A'.repeat(10_000)}`,
} as const;

/** Every place the API can put text, filled with the hostile corpus. */
export function hostileExecution(): ExecutionView {
	const base = realisticExecution();
	const h = HOSTILE;
	const bad = Object.values(h).join(' | ');
	const steps: StepView[] = base.steps.map((step, i) => ({
		...step,
		nodeId: i === 0 ? h.img : step.nodeId,
		groupId: step.groupId === null ? null : h.svg,
		status: i === 1 ? h.script : step.status,
		nodeType: i === 4 ? h.svg : step.nodeType,
		output: { ...step.output, [h.img]: h.script, comment: h.long, nested: { [h.svg]: [h.rtl, h.zeroWidth] } },
		metadata: { [h.script]: h.img, organizationId: h.rtl },
		error: i === 3 ? { code: h.svg, message: h.img } : step.error,
	}));
	steps[0] = { ...steps[0], output: { ...steps[0].output, commentBody: h.script, reviewers: [{ userId: h.img, mandatory: true }] } };
	steps[1] = { ...steps[1], output: { ...steps[1].output, resolvedUrl: h.jsUrl, decision: h.svg } };
	return {
		...base,
		executionId: h.rtl,
		definitionId: h.img,
		correlationId: h.script,
		idempotencyKey: h.long,
		failureReason: { code: h.svg, message: bad },
		steps,
	};
}

export function hostileEvents(): ApprovalEventView[] {
	return realisticEvents().map((event) => ({
		...event,
		type: HOSTILE.script,
		stepId: HOSTILE.img,
		data: { [HOSTILE.svg]: HOSTILE.img, url: HOSTILE.jsUrl, long: HOSTILE.long },
	}));
}
