/**
 * The few output fields that answer "what happened in this step", per node type (velt-api.md §3.9, §8):
 * human decision and counts, reviewers with mandatory flags and the comment; agent status, findings and the
 * resolved URL; webhook HTTP status. Everything is type-checked, since outputs are free-form; the full output
 * is always in the tree below.
 */
import type { StepView } from '../../api/types';
import { formatDuration } from '../format';
import { isWebUrl } from '../protocol';
import type { WebviewStringKey } from '../protocol';
import { t } from './context';
import type { RenderContext } from './context';
import { dataText, el, icon } from './dom';

type Output = Readonly<Record<string, unknown>>;
type Item = readonly [WebviewStringKey, Node | string];

const COMMENT_PREVIEW = 500;

export function renderHighlights(ctx: RenderContext, step: StepView): HTMLElement | null {
	const items = highlightItems(ctx, step);
	if (items.length === 0) {
		return null;
	}
	const list = el('dl', { className: 'highlights' });
	for (const [label, value] of items) {
		list.append(el('dt', { text: t(ctx, label) }), el('dd', {}, typeof value === 'string' ? dataText(value) : value));
	}
	return list;
}

function highlightItems(ctx: RenderContext, step: StepView): Item[] {
	const output = step.output;
	switch (step.nodeType) {
		case 'human':
			return humanItems(ctx, output);
		case 'agent':
			return agentItems(ctx, output);
		case 'webhook':
			return compact([['httpStatus', scalar(output.httpStatus)]]);
		default:
			return compact([['decision', scalar(output.decision)]]);
	}
}

function humanItems(ctx: RenderContext, output: Output): Item[] {
	const mandatory =
		typeof output.mandatoryCount === 'number'
			? `${scalar(output.mandatoryApproveCount) ?? '0'} / ${output.mandatoryCount}`
			: undefined;
	const comment = typeof output.commentBody === 'string' && output.commentBody.length > 0 ? output.commentBody : undefined;
	return compact([
		['decision', scalar(output.decision)],
		['approvals', scalar(output.approveCount)],
		['rejections', scalar(output.rejectCount)],
		['mandatoryApprovals', mandatory],
		['reviewers', reviewers(ctx, output)],
		['comment', comment === undefined ? undefined : preview(comment)],
	]);
}

function agentItems(ctx: RenderContext, output: Output): Item[] {
	const summary = isRecord(output.agentResultsSummary) ? output.agentResultsSummary : {};
	const duration = typeof output.agentDurationMs === 'number' ? formatDuration(output.agentDurationMs) : undefined;
	return compact([
		['agentStatus', scalar(output.agentExecutionStatus)],
		['decision', scalar(output.decision)],
		['summary', typeof summary.summary === 'string' ? preview(summary.summary) : undefined],
		['findings', scalar(summary.totalFindings)],
		['severity', severity(summary.severityCounts)],
		['resolvedUrl', typeof output.resolvedUrl === 'string' ? link(ctx, output.resolvedUrl) : undefined],
		['agentDuration', duration],
	]);
}

function reviewers(ctx: RenderContext, output: Output): Node | undefined {
	const entries: { id: string; mandatory: boolean }[] = [];
	if (Array.isArray(output.reviewers)) {
		for (const reviewer of output.reviewers) {
			if (isRecord(reviewer) && typeof reviewer.userId === 'string') {
				entries.push({ id: reviewer.userId, mandatory: reviewer.mandatory === true });
			}
		}
	} else if (Array.isArray(output.reviewerIds)) {
		for (const id of output.reviewerIds) {
			if (typeof id === 'string') {
				entries.push({ id, mandatory: true }); // legacy reviewerIds are all mandatory
			}
		}
	}
	if (entries.length === 0) {
		return undefined;
	}
	const list = el('ul', { className: 'reviewers' });
	for (const entry of entries) {
		const flag = entry.mandatory ? el('span', { className: 'flag', text: t(ctx, 'mandatory') }) : null;
		list.append(el('li', {}, icon('person'), dataText(entry.id), flag));
	}
	return list;
}

function severity(counts: unknown): string | undefined {
	if (!isRecord(counts)) {
		return undefined;
	}
	const parts = Object.entries(counts)
		.filter(([, n]) => typeof n === 'number')
		.map(([name, n]) => `${name} ${String(n)}`);
	return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Only http(s) URLs become links, and a link only asks the host to open it (the host checks again). */
function link(ctx: RenderContext, url: string): Node {
	if (!isWebUrl(url)) {
		return dataText(preview(url));
	}
	const element = el('button', { className: 'link', attrs: { type: 'button', title: url, 'data-focus-key': `link:${url}` } });
	element.append(dataText(preview(url)), icon('link-external'));
	element.addEventListener('click', () => ctx.post({ type: 'openExternal', url }));
	return element;
}

function preview(text: string): string {
	return text.length > COMMENT_PREVIEW ? `${text.slice(0, COMMENT_PREVIEW)}…` : text;
}

function scalar(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return preview(value);
	}
	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compact(items: readonly (readonly [WebviewStringKey, Node | string | undefined])[]): Item[] {
	return items.filter((item): item is Item => item[1] !== undefined);
}
