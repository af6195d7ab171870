/**
 * Step `output`, `error` and event `data` shapes per node type (velt-api.md §3.9, §4.3, §9.1), so the
 * UI meets the keys real runs produce: reviewer counts, agent findings, webhook responses.
 */
import type { NodeSpec } from './catalog';
import type { ErrorInfo, SimExecution } from './model';
import type { Prng } from './prng';

type Out = Record<string, unknown>;

const FINDINGS = [
	{ title: 'Missing alt text', description: 'Hero image has no alt attribute.', severity: 'high', issueType: 'accessibility' },
	{ title: 'Unapproved claim', description: 'Claims "#1 in the market" without a source.', severity: 'medium', issueType: 'compliance' },
	{ title: 'Outdated logo', description: 'Uses the 2023 logo lockup.', severity: 'low', issueType: 'brand' },
	{ title: 'Indemnity clause uncapped', description: 'Section 9.2 has no liability cap.', severity: 'critical', issueType: 'legal' },
	{ title: 'Low contrast text', description: 'Footer text contrast ratio is 3.1:1.', severity: 'medium', issueType: 'accessibility' },
] as const;

function reviewersOf(node: NodeSpec): { userId: string; mandatory: boolean }[] {
	const list = node.config.reviewers;
	return Array.isArray(list) ? (list as { userId: string; mandatory: boolean }[]).map((r) => ({ ...r })) : [];
}

export function resumeKey(stepId: string): string {
	return `human:${stepId}`;
}

export function humanWaitingOutput(node: NodeSpec): Out {
	const reviewers = reviewersOf(node);
	return { reviewers, reviewerIds: reviewers.map((r) => r.userId), reviewerEmails: [], commentBody: null };
}

export function humanDoneOutput(node: NodeSpec, stepId: string, decision: 'approve' | 'reject', at: number): Out {
	const reviewers = reviewersOf(node);
	const mandatory = reviewers.filter((r) => r.mandatory);
	const approve = decision === 'approve';
	const out: Out = {
		...humanWaitingOutput(node),
		aggregatorStatus: approve ? 'resolved' : 'rejected',
		approveCount: approve ? reviewers.length : 0,
		rejectCount: approve ? 0 : 1,
		totalResponses: approve ? reviewers.length : 1,
		mandatoryCount: mandatory.length,
		mandatoryApproveCount: approve ? mandatory.length : 0,
		decision,
		approved: approve,
		resumedAt: at,
		resumeKey: resumeKey(stepId),
	};
	if (!approve) {
		out.rejectedBy = mandatory[0]?.userId ?? reviewers[0]?.userId ?? null;
		out.rejectorMandatory = true;
	}
	return out;
}

export function agentOutput(prng: Prng, e: SimExecution, passed: boolean, durationMs: number): Out {
	const findings = passed && prng.chance(0.5) ? [] : FINDINGS.filter(() => prng.chance(0.4)).map((f) => ({ ...f, url: `https://app.acme.com/assets/${e.documentId}` }));
	const severityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
	for (const f of findings) {
		severityCounts[f.severity] += 1;
	}
	return {
		agentExecutionStatus: passed ? 'passed' : prng.pick(['failed', 'partial']),
		agentResultsSummary: {
			totalFindings: findings.length,
			totalAnnotationsCreated: findings.length,
			urlsProcessed: 1,
			urlsWithFindings: findings.length > 0 ? 1 : 0,
			urlsErrored: 0,
			erroredUrls: [],
			issuesCreated: 0,
			severityCounts,
			findings,
			summary: findings.length === 0 ? 'No issues found.' : `${findings.length} issue(s) found.`,
		},
		resolvedUrl: `https://app.acme.com/assets/${e.documentId}`,
		agentDurationMs: durationMs,
		decision: passed ? 'approve' : 'reject',
	};
}

export function webhookOutput(prng: Prng, node: NodeSpec): Out {
	return {
		httpStatus: prng.pick([200, 200, 201, 202]),
		responseHeaders: { 'content-type': 'application/json', 'x-request-id': `req_${prng.alnum(12)}` },
		responseJson: { ok: true, id: `${node.nodeId}_${prng.alnum(6)}`, status: 'accepted' },
	};
}

export function notificationOutput(prng: Prng, node: NodeSpec, at: number): Out {
	const channel = node.config.channel;
	const out: Out = { channel, deliveredAt: at, messageId: `msg_${prng.alnum(10)}` };
	if (channel === 'email') {
		out.recipients = node.config.recipients;
	} else {
		out.slackTarget = node.config.slackTarget;
	}
	return out;
}

export function stepError(node: NodeSpec, prng: Prng): ErrorInfo {
	switch (node.type) {
		case 'agent':
			return prng.chance(0.5)
				? { code: 'agent-url-unresolved', message: 'urlPath "assetUrl" did not resolve to a URL in triggerContext' }
				: { code: 'agent-run-error', message: 'Agent run ended with status "error" after 600000 ms' };
		case 'webhook':
			return { code: 'webhook-http-error', message: `Webhook ${String(node.config.url)} answered HTTP 502 after 4 attempts` };
		case 'notification':
			return node.config.channel === 'email'
				? { code: 'notification-email-delivery-failed', message: 'SMTP relay rejected the message: 550 mailbox unavailable' }
				: { code: 'notification-slack-api-error:channel_not_found', message: 'Slack API error: channel_not_found' };
		case 'human':
			return { code: 'sla-breached', message: 'No decision within the 48 h SLA' };
	}
}

export function failedEventData(node: NodeSpec, err: ErrorInfo): Out {
	switch (node.type) {
		case 'webhook':
			return { httpStatus: 502, latencyMs: 10000, retryClass: 'retryable' };
		case 'notification':
			return { channel: node.config.channel, retryClass: 'permanent' };
		default:
			return { reason: err.code };
	}
}
