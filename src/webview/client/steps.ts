/**
 * The steps list, in execution order with nesting from the step ids. Each step's node id, type and status
 * are always visible in its first line; output, metadata and unknown fields are collapsed trees below.
 */
import type { StepView } from '../../api/types';
import { approxJsonSize, formatBytes, formatDuration } from '../format';
import { orderSteps } from '../stepOrder';
import { countText, t } from './context';
import type { RenderContext } from './context';
import { dataText, el, icon, lazyDetails } from './dom';
import { renderHighlights } from './highlights';
import { nodeTypeText, statusBadge, timeElement } from './present';
import { LARGE_SIZE, renderEntries, textBlock } from './valueTree';

/** Indentation classes exist up to this depth (CSS has no inline styles to lean on). */
const MAX_DEPTH_CLASS = 6;
const LIVE_STEP_STATUSES: ReadonlySet<string> = new Set(['running', 'waiting', 'pending']);

export function renderSteps(ctx: RenderContext, steps: readonly StepView[], executionLive: boolean): HTMLElement {
	const heading = el('h2', { attrs: { id: 'steps-heading' }, text: t(ctx, 'steps', steps.length) });
	const section = el('section', { className: 'steps', attrs: { 'aria-labelledby': 'steps-heading' } }, heading);
	if (steps.length === 0) {
		section.append(el('p', { className: 'empty', text: t(ctx, 'noSteps') }));
		return section;
	}
	const list = el('ol', { className: 'step-list' });
	for (const { step, depth } of orderSteps(steps)) {
		list.append(renderStep(ctx, step, depth, executionLive));
	}
	section.append(list);
	return section;
}

function renderStep(ctx: RenderContext, step: StepView, depth: number, executionLive: boolean): HTMLElement {
	const modifier = `depth-${Math.min(depth, MAX_DEPTH_CLASS)}`;
	const item = el('li', { className: `step ${modifier}`, attrs: { 'data-step-id': step.stepId } });
	item.append(
		el(
			'div',
			{ className: 'step-head' },
			statusBadge(ctx, step.status),
			dataText(step.nodeId, 'node-id'),
			el('span', { className: 'node-type' }, icon(nodeIcon(step.nodeType)), dataText(nodeTypeText(ctx, step.nodeType))),
			step.groupId === null ? null : groupBadge(ctx, step.groupId),
			stepTimes(ctx, step, executionLive),
		),
		el('div', { className: 'step-id' }, el('span', { className: 'label', text: `${t(ctx, 'stepId')}: ` }), dataText(step.stepId)),
	);
	if (step.error !== null) {
		item.append(stepError(ctx, step));
	}
	item.append(...[renderHighlights(ctx, step), ...stepData(ctx, step)].filter((n): n is HTMLElement => n !== null));
	return item;
}

function groupBadge(ctx: RenderContext, groupId: string): HTMLElement {
	return el('span', { className: 'group-badge' }, icon('layers'), `${t(ctx, 'group')}: `, dataText(groupId));
}

function stepError(ctx: RenderContext, step: StepView): HTMLElement {
	const { code, message } = step.error ?? { code: '', message: '' };
	return el(
		'div',
		{ className: 'step-error' },
		icon('error'),
		el('span', { className: 'label', text: `${t(ctx, 'error')}: ` }),
		dataText(code, 'error-code'),
		' ',
		textBlock(ctx, `step:${step.stepId}:error`, message),
	);
}

function stepTimes(ctx: RenderContext, step: StepView, executionLive: boolean): HTMLElement | null {
	if (step.startedAt === null) {
		return null;
	}
	const times = el('span', { className: 'step-times' }, timeElement(ctx, step.startedAt, true));
	const duration = el('span', { className: 'duration' });
	if (step.completedAt !== null) {
		times.append(' → ', timeElement(ctx, step.completedAt, true));
		duration.textContent = formatDuration(step.completedAt - step.startedAt);
	} else if (executionLive && LIVE_STEP_STATUSES.has(step.status)) {
		ctx.ticker.duration(duration, step.startedAt);
	} else {
		return times;
	}
	times.append(' · ', duration);
	return times;
}

/** Output, metadata and unknown fields: collapsed, built when opened. */
function stepData(ctx: RenderContext, step: StepView): HTMLElement[] {
	const sections: [string, 'output' | 'metadata' | 'otherFields', Readonly<Record<string, unknown>> | undefined][] = [
		['output', 'output', step.output],
		['metadata', 'metadata', step.metadata],
		['extra', 'otherFields', step.extra],
	];
	const result: HTMLElement[] = [];
	for (const [id, label, record] of sections) {
		if (record === undefined || (id !== 'output' && Object.keys(record).length === 0)) {
			continue;
		}
		const key = `step:${step.stepId}:${id}`;
		const count = el('span', { className: 'size', text: sizeText(ctx, record) });
		result.push(
			lazyDetails(key, ctx.memory, [el('span', { className: 'section-label', text: t(ctx, label) }), count], () =>
				renderEntries(ctx, key, record),
				{ className: `step-data step-${id}` },
			),
		);
	}
	return result;
}

/** Key count, plus the size when the record is big enough to matter (e.g. `3 keys · 1.1 MB`). */
function sizeText(ctx: RenderContext, record: Readonly<Record<string, unknown>>): string {
	const count = countText(ctx, Object.keys(record).length, 'keys');
	return approxJsonSize(record, LARGE_SIZE + 1) > LARGE_SIZE ? `${count} · ${formatBytes(approxJsonSize(record))}` : count;
}

function nodeIcon(nodeType: string): string {
	switch (nodeType) {
		case 'agent':
			return 'hubot';
		case 'human':
			return 'person';
		case 'notification':
			return 'mail';
		case 'webhook':
			return 'globe';
		default:
			return 'symbol-misc';
	}
}
