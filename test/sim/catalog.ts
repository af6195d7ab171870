/**
 * The workflow definitions the simulator serves. Realistic shapes (all four node types, a parallel group,
 * reject routes) so the UI is exercised with data that looks like a real workspace.
 */
import type { NodeType } from './model';

export interface NodeSpec {
	readonly nodeId: string;
	readonly type: NodeType;
	readonly name?: string;
	readonly config: Readonly<Record<string, unknown>>;
}

/** One step of the happy path: a single node, or a parallel group of nodes. */
export interface Stage {
	readonly nodes: readonly NodeSpec[];
	readonly group?: { readonly groupId: string; readonly quorum: number };
}

export interface DefinitionSpec {
	readonly definitionId: string;
	readonly name: string;
	readonly description: string | null;
	readonly version: number;
	readonly scope: 'apiKey' | 'organization' | 'document';
	readonly tags: readonly string[];
	readonly stages: readonly Stage[];
	/** Where every human node's `on: "reject"` edge leads. */
	readonly rejectNode: NodeSpec;
}

const agent = (nodeId: string, agentId: string, name?: string): NodeSpec => ({
	nodeId,
	type: 'agent',
	name,
	config: { agentId, urlPath: 'assetUrl', pollIntervalMs: 15000, agentMaxRuntimeMs: 600000 },
});
const human = (nodeId: string, users: readonly string[], name?: string): NodeSpec => ({
	nodeId,
	type: 'human',
	name,
	config: { reviewers: users.map((userId, i) => ({ userId, mandatory: i === 0 })), reviewerEmails: [] },
});
const email = (nodeId: string, to: string, name?: string): NodeSpec => ({
	nodeId,
	type: 'notification',
	name,
	config: { channel: 'email', recipients: [to], subjectTemplate: 'Workflow {{execution.definitionId}}', bodyTemplate: 'Status: {{execution.status}}' },
});
const slack = (nodeId: string, target: string): NodeSpec => ({
	nodeId,
	type: 'notification',
	config: { channel: 'slack', slackTarget: target, bodyTemplate: 'Review finished for {{execution.triggerContext.title}}', format: 'text' },
});
const hook = (nodeId: string, url: string, name?: string): NodeSpec => ({
	nodeId,
	type: 'webhook',
	name,
	config: { url, mode: 'sync', method: 'POST', authMode: 'hmac', timeoutMs: 10000, bodyTemplate: 'envelope' },
});
const one = (node: NodeSpec): Stage => ({ nodes: [node] });

export const DEFINITIONS: readonly DefinitionSpec[] = [
	{
		definitionId: 'marketing-copy-approval',
		name: 'Marketing copy approval',
		description: 'AI draft check, then legal and brand review in parallel before publishing.',
		version: 3,
		scope: 'apiKey',
		tags: ['marketing', 'copy'],
		stages: [
			one(agent('agent-draft', 'agent_copy_checker', 'Copy checker')),
			{ nodes: [human('human-legal', ['u_legal_01', 'u_legal_02'], 'Legal'), human('human-brand', ['u_brand_01'], 'Brand')], group: { groupId: 'parallel-review', quorum: 2 } },
			one(hook('webhook-cms', 'https://cms.acme.com/hooks/publish', 'Publish to CMS')),
			one(slack('notify-published', 'C04MARKETING')),
		],
		rejectNode: email('notify-rejected', 'copy-team@acme.com'),
	},
	{
		definitionId: 'legal-contract-review',
		name: 'Legal contract review',
		description: 'Clause scan by an agent, counsel sign-off, then e-signature.',
		version: 5,
		scope: 'organization',
		tags: ['legal'],
		stages: [
			one(agent('agent-clause-scan', 'agent_clause_scanner', 'Clause scanner')),
			one(human('human-counsel', ['u_counsel_07', 'u_counsel_02'], 'Counsel')),
			one(hook('webhook-esign', 'https://esign.globex.io/api/envelopes')),
		],
		rejectNode: email('notify-requester', 'requester@globex.io', 'Notify requester'),
	},
	{
		definitionId: 'security-vuln-triage',
		name: 'Security vulnerability triage',
		description: null,
		version: 2,
		scope: 'apiKey',
		tags: ['security'],
		stages: [
			one(agent('agent-scan', 'agent_vuln_scanner')),
			one(human('human-security', ['u_sec_lead'])),
			one(hook('webhook-jira', 'https://jira.acme.com/rest/webhooks/velt', 'Create Jira ticket')),
		],
		rejectNode: slack('notify-security', 'C02SECURITY'),
	},
	{
		definitionId: 'product-launch-signoff',
		name: 'Product launch sign-off',
		description: 'Kick-off notice, two of three leads approve, then the release hook fires.',
		version: 4,
		scope: 'document',
		tags: ['launch', 'product'],
		stages: [
			one(email('notify-kickoff', 'launch@acme.com', 'Kick-off email')),
			{ nodes: [human('human-pm', ['u_pm_03']), human('human-eng', ['u_eng_11']), human('human-design', ['u_design_05'])], group: { groupId: 'lead-signoff', quorum: 2 } },
			one(hook('webhook-release', 'https://deploy.acme.com/release')),
		],
		rejectNode: email('notify-launch-blocked', 'launch@acme.com'),
	},
	{
		definitionId: 'accessibility-audit',
		name: 'Accessibility audit',
		description: 'WCAG scan of the page, then the accessibility lead reviews the findings.',
		version: 1,
		scope: 'apiKey',
		tags: ['a11y'],
		stages: [
			one(agent('agent-a11y', 'agent_wcag_auditor', 'WCAG auditor')),
			one(human('human-a11y-lead', ['u_a11y_01'], 'Accessibility lead')),
			one(email('notify-team', 'web-team@acme.com')),
		],
		rejectNode: email('notify-fixes-needed', 'web-team@acme.com'),
	},
	{
		definitionId: 'invoice-approval',
		name: 'Invoice approval',
		description: 'Fetch the invoice from the ERP, finance approves, the payer is notified.',
		version: 6,
		scope: 'organization',
		tags: ['finance'],
		stages: [
			one(hook('webhook-erp-fetch', 'https://erp.initech.com/api/invoices/lookup', 'ERP lookup')),
			one(human('human-finance', ['u_fin_02', 'u_fin_09'], 'Finance')),
			one(email('notify-payer', 'ap@initech.com')),
		],
		rejectNode: email('notify-invoice-rejected', 'ap@initech.com'),
	},
	{
		definitionId: 'brand-asset-review',
		name: 'Brand asset review',
		description: null,
		version: 2,
		scope: 'document',
		tags: [],
		stages: [
			one(agent('agent-brand-check', 'agent_brand_guard')),
			one(human('human-brand-owner', ['u_brand_01', 'u_brand_04'])),
			one(slack('notify-design', 'C09DESIGN')),
		],
		rejectNode: slack('notify-design-rejected', 'C07DESIGN'),
	},
];

export function findDefinition(definitionId: string): DefinitionSpec | undefined {
	return DEFINITIONS.find((d) => d.definitionId === definitionId);
}
