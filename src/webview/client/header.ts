/**
 * The panel header: the full execution id (selectable), status in icon and words, definition and version,
 * times (absolute and relative), a duration that ticks while the execution runs, correlation id,
 * idempotency key, failure reason, and the toolbar.
 */
import type { ExecutionView } from '../../api/types';
import { isTerminal } from '../../api/types';
import { formatDuration } from '../format';
import { t } from './context';
import type { RenderContext } from './context';
import { button, dataText, el } from './dom';
import { statusBadge, timeWithRelative } from './present';
import { textBlock } from './valueTree';

export interface WatchState {
	readonly watching: boolean;
	readonly canWatch: boolean;
}

export function renderHeader(ctx: RenderContext, execution: ExecutionView, watch: WatchState): HTMLElement {
	const title = el(
		'h1',
		{ className: 'execution-title' },
		el('span', { className: 'label', text: `${t(ctx, 'execution')} ` }),
		dataText(execution.executionId, 'execution-id'),
	);
	return el(
		'header',
		{ className: 'execution-header' },
		el('div', { className: 'title-row' }, title, statusBadge(ctx, execution.status)),
		renderToolbar(ctx, execution, watch),
		renderFields(ctx, execution),
	);
}

function renderToolbar(ctx: RenderContext, execution: ExecutionView, watch: WatchState): HTMLElement {
	const live = !isTerminal(execution.status);
	const showWatch = watch.canWatch && (live || watch.watching);
	const post = ctx.post;
	return el(
		'div',
		{ className: 'toolbar', attrs: { role: 'group', 'aria-label': t(ctx, 'execution') } },
		button(t(ctx, 'refresh'), 'refresh', () => post({ type: 'refresh' }), { focusKey: 'refresh' }),
		button(t(ctx, 'copyJson'), 'json', () => post({ type: 'copyJson' }), { focusKey: 'copyJson', className: 'button secondary' }),
		button(t(ctx, 'copyId'), 'copy', () => post({ type: 'copyId' }), { focusKey: 'copyId', className: 'button secondary' }),
		showWatch ? watchButton(ctx, watch.watching) : null,
		live
			? button(t(ctx, 'cancelExecution'), 'stop-circle', () => post({ type: 'cancel' }), {
					focusKey: 'cancel',
					className: 'button danger',
				})
			: null,
		el('span', { className: 'busy', attrs: { 'aria-hidden': 'true' } }),
	);
}

function watchButton(ctx: RenderContext, watching: boolean): HTMLButtonElement {
	const label = watching ? t(ctx, 'unwatch') : t(ctx, 'watch');
	const element = button(label, watching ? 'bell-slash' : 'bell', () => ctx.post({ type: watching ? 'unwatch' : 'watch' }), {
		focusKey: 'watch',
		className: 'button secondary watch',
	});
	element.setAttribute('aria-pressed', String(watching));
	return element;
}

function renderFields(ctx: RenderContext, execution: ExecutionView): HTMLElement {
	const fields = el('dl', { className: 'fields' });
	const add = (label: string, value: Node | string | null): void => {
		if (value !== null) {
			fields.append(el('dt', { text: label }), el('dd', {}, typeof value === 'string' ? textBlock(ctx, `header:${label}`, value) : value));
		}
	};
	add(t(ctx, 'definition'), definition(ctx, execution));
	add(t(ctx, 'started'), timeWithRelative(ctx, execution.startedAt));
	add(t(ctx, 'completed'), execution.completedAt === null ? null : timeWithRelative(ctx, execution.completedAt));
	add(t(ctx, 'cancelled'), execution.cancelledAt === null ? null : timeWithRelative(ctx, execution.cancelledAt));
	add(t(ctx, 'duration'), duration(ctx, execution));
	add(t(ctx, 'correlationId'), execution.correlationId);
	add(t(ctx, 'idempotencyKey'), execution.idempotencyKey);
	if (execution.failureReason !== null) {
		const { code, message } = execution.failureReason;
		const reason = el('span', { className: 'failure' }, dataText(code, 'error-code'), ' ', textBlock(ctx, 'header:failure', message));
		add(t(ctx, 'failureReason'), reason);
	}
	return fields;
}

function definition(ctx: RenderContext, execution: ExecutionView): HTMLElement {
	return el(
		'span',
		{},
		dataText(execution.definitionId, 'definition-id'),
		el('span', { className: 'version', text: ` · ${t(ctx, 'versionFormat', execution.definitionVersion)}` }),
	);
}

/** Terminal: end minus start. Running: ticks locally every second (no API calls). */
function duration(ctx: RenderContext, execution: ExecutionView): HTMLElement {
	const element = el('span', { className: 'duration' });
	const end = execution.completedAt ?? execution.cancelledAt;
	if (end !== null) {
		element.textContent = formatDuration(end - execution.startedAt);
	} else if (isTerminal(execution.status)) {
		element.textContent = '—';
	} else {
		ctx.ticker.duration(element, execution.startedAt);
	}
	return element;
}
