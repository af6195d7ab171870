/**
 * The event timeline from `executions/getEvents`: oldest first, newest last, `seq` shown as is (gaps are
 * normal), step ids mapped to node ids where the step is known, data collapsed and built on demand.
 */
import type { ApprovalEventView, StepView } from '../../api/types';
import { t } from './context';
import type { RenderContext } from './context';
import { button, dataText, el, lazyDetails } from './dom';
import { timeElement } from './present';
import { renderEntries } from './valueTree';

export function renderTimeline(
	ctx: RenderContext,
	events: readonly ApprovalEventView[],
	complete: boolean,
	steps: readonly StepView[],
): HTMLElement {
	const heading = el('h2', { attrs: { id: 'events-heading' }, text: t(ctx, 'events', events.length) });
	const section = el('section', { className: 'events', attrs: { 'aria-labelledby': 'events-heading' } }, heading);
	if (events.length === 0 && complete) {
		section.append(el('p', { className: 'empty', text: t(ctx, 'noEvents') }));
	}
	if (events.length > 0) {
		const nodeIds = new Map(steps.map((s) => [s.stepId, s.nodeId]));
		const list = el('ol', { className: 'event-list' });
		for (const event of events) {
			list.append(renderEvent(ctx, event, nodeIds));
		}
		section.append(list);
	}
	if (!complete) {
		const more = button(t(ctx, 'loadMoreEvents'), 'history', () => {
			more.disabled = true;
			ctx.post({ type: 'loadMoreEvents' });
		}, { focusKey: 'loadMoreEvents', className: 'button secondary' });
		section.append(more);
	}
	return section;
}

function renderEvent(ctx: RenderContext, event: ApprovalEventView, nodeIds: ReadonlyMap<string, string>): HTMLElement {
	const head = el(
		'div',
		{ className: 'event-head' },
		el('span', { className: 'seq', text: `#${event.seq}` }),
		dataText(event.type, 'event-type'),
		event.stepId === null ? null : stepRef(event.stepId, nodeIds),
		timeElement(ctx, event.timestamp),
	);
	const item = el('li', { className: 'event', attrs: { 'data-seq': String(event.seq) } }, head);
	if (event.data !== null && Object.keys(event.data).length > 0) {
		const data = event.data;
		const key = `event:${event.seq}:data`;
		item.append(
			lazyDetails(key, ctx.memory, [el('span', { className: 'section-label', text: t(ctx, 'eventData') })], () =>
				renderEntries(ctx, key, data),
			),
		);
	}
	return item;
}

function stepRef(stepId: string, nodeIds: ReadonlyMap<string, string>): HTMLElement {
	const nodeId = nodeIds.get(stepId);
	const element = dataText(nodeId ?? stepId, 'event-step');
	element.setAttribute('title', stepId);
	return element;
}
