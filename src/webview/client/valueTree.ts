/**
 * Arbitrary JSON (step outputs, metadata, unknown fields, event data) as a key/value tree of `<details>`.
 * Small objects open by default; big strings and big or wide objects stay closed with their size shown and
 * are built only when opened, and long lists grow in slices, so a 1 MB output costs nothing until asked for.
 */
import { approxJsonSize, formatBytes } from '../format';
import { countText, t } from './context';
import type { RenderContext } from './context';
import { button, dataText, el, lazyDetails } from './dom';

/** Strings longer than this render collapsed. */
export const LARGE_STRING = 2048;
/** Objects/arrays with more entries, or a bigger JSON size, render collapsed. */
export const WIDE_ENTRIES = 50;
export const LARGE_SIZE = 4096;
/** Entries rendered per slice when a container is opened. */
export const SLICE = 100;

/** Characters of a collapsed long text shown in its summary. */
const PREVIEW = 120;

type Entries = readonly (readonly [string, unknown])[];

/** The rows for a record's entries, e.g. a step's `output`. */
export function renderEntries(ctx: RenderContext, key: string, value: Readonly<Record<string, unknown>>): Node {
	return renderSlice(ctx, key, Object.entries(value), 0);
}

export function renderValue(ctx: RenderContext, key: string, label: string, value: unknown): Node {
	if (typeof value === 'string') {
		return renderString(ctx, key, label, value);
	}
	if (typeof value === 'object' && value !== null) {
		return renderContainer(ctx, key, label, value);
	}
	return row(label, String(value), `value-${value === null ? 'null' : typeof value}`);
}

/**
 * Free text outside the tree (ids, error messages): inline when reasonable, otherwise a preview whose full
 * text is built on demand, so a hostile 10 kB id or message cannot flood the panel.
 */
export function textBlock(ctx: RenderContext, key: string, value: string): Node {
	if (value.length <= LARGE_STRING) {
		return dataText(value);
	}
	const summary = [dataText(`${value.slice(0, PREVIEW)}…`), el('span', { className: 'size', text: formatBytes(value.length) })];
	return lazyDetails(key, ctx.memory, summary, () => el('pre', { className: 'value value-string long', text: value }), {
		className: 'text-block',
	});
}

function row(label: string, text: string, valueClass: string): HTMLElement {
	const value = el('span', { className: `value ${valueClass}`, text });
	return el('div', { className: 'kv' }, el('span', { className: 'key' }, dataText(label), ':'), value);
}

function renderString(ctx: RenderContext, key: string, label: string, value: string): Node {
	if (value.length <= LARGE_STRING) {
		return row(label, value, value.length === 0 ? 'value-empty' : 'value-string');
	}
	const size = t(ctx, 'largeValue', formatBytes(value.length));
	return lazyDetails(key, ctx.memory, [dataText(label, 'key'), el('span', { className: 'size', text: size })], () =>
		el('pre', { className: 'value value-string long', text: value }),
	);
}

function renderContainer(ctx: RenderContext, key: string, label: string, value: object): Node {
	const isArray = Array.isArray(value);
	const entries: Entries = isArray ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
	if (entries.length === 0) {
		return row(label, isArray ? '[]' : '{}', 'value-empty');
	}
	const size = approxJsonSize(value, LARGE_SIZE + 1);
	const large = entries.length > WIDE_ENTRIES || size > LARGE_SIZE;
	const count = countText(ctx, entries.length, isArray ? 'items' : 'keys');
	const sizeText = large ? `${count} · ${formatBytes(approxJsonSize(value))}` : count;
	return lazyDetails(
		key,
		ctx.memory,
		[dataText(label, 'key'), el('span', { className: 'size', text: sizeText })],
		() => renderSlice(ctx, key, entries, 0),
		{ open: !large, className: 'kv-node' },
	);
}

/** Up to `SLICE` entries, then a button that replaces itself with the next slice. */
function renderSlice(ctx: RenderContext, key: string, entries: Entries, start: number): HTMLElement {
	const list = el('div', { className: 'kv-children' });
	const end = Math.min(entries.length, start + SLICE);
	for (let i = start; i < end; i++) {
		const [name, child] = entries[i] ?? ['', undefined];
		list.appendChild(renderValue(ctx, `${key}/${name}`, name, child));
	}
	if (end < entries.length) {
		const more = button(
			t(ctx, 'showMore', Math.min(SLICE, entries.length - end)),
			'ellipsis',
			() => more.replaceWith(...renderSlice(ctx, key, entries, end).childNodes),
			{ focusKey: `more:${key}:${end}`, className: 'button secondary show-more' },
		);
		list.appendChild(more);
	}
	if (entries.length === 0) {
		list.appendChild(el('span', { className: 'value value-empty', text: t(ctx, 'emptyValue') }));
	}
	return list;
}
