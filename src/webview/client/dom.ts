/**
 * The only way the client makes DOM: `createElement` + `textContent`, never HTML parsing, so API data can
 * only ever become text. Attributes set here are inert ones (class, title, datetime, data-*, aria-*).
 */
type Child = Node | string | null | undefined | false;

export interface ElementOptions {
	readonly className?: string;
	readonly text?: string;
	readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	options: ElementOptions = {},
	...children: readonly Child[]
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	if (options.className !== undefined) {
		element.className = options.className;
	}
	if (options.text !== undefined) {
		element.textContent = options.text;
	}
	for (const [name, value] of Object.entries(options.attrs ?? {})) {
		element.setAttribute(name, value);
	}
	append(element, children);
	return element;
}

export function append(parent: Node, children: readonly Child[]): void {
	for (const child of children) {
		if (child === null || child === undefined || child === false) {
			continue;
		}
		parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
	}
}

/** A decorative codicon; the meaning is always in adjacent text too. */
export function icon(name: string, spin = false): HTMLSpanElement {
	const className = `codicon codicon-${name}${spin ? ' codicon-modifier-spin' : ''}`;
	return el('span', { className, attrs: { 'aria-hidden': 'true' } });
}

/** API text isolated from surrounding layout (RTL or override characters cannot flip our labels). */
export function dataText(value: string, className?: string): HTMLElement {
	return el('bdi', { className, text: value });
}

/**
 * A button that posts something. `focusKey` lets a re-render put keyboard focus back where it was.
 */
export function button(
	label: string,
	iconName: string | undefined,
	onClick: () => void,
	options: { readonly focusKey: string; readonly className?: string },
): HTMLButtonElement {
	const element = el(
		'button',
		{ className: options.className ?? 'button', attrs: { type: 'button', 'data-focus-key': options.focusKey } },
		iconName === undefined ? null : icon(iconName),
		el('span', { text: label }),
	);
	element.addEventListener('click', onClick);
	return element;
}

/**
 * `<details>` whose body is built on first open: big values cost nothing until someone looks. `memory` holds
 * the open/closed state the user left each key in before a re-render; it wins over the default.
 */
export function lazyDetails(
	key: string,
	memory: ReadonlyMap<string, boolean>,
	summary: readonly Child[],
	body: () => Node,
	options: { readonly open?: boolean; readonly className?: string } = {},
): HTMLDetailsElement {
	const spaced = summary.flatMap((child, i) => (i === 0 ? [child] : [' ', child])); // reads as words, not "Output5 keys"
	const summaryElement = el('summary', { attrs: { 'data-focus-key': `summary:${key}` } }, ...spaced);
	const details = el('details', { className: options.className, attrs: { 'data-key': key } }, summaryElement);
	let rendered = false;
	const ensureBody = (): void => {
		if (!rendered) {
			rendered = true;
			details.appendChild(body());
		}
	};
	if (memory.get(key) ?? options.open === true) {
		details.open = true;
		ensureBody();
	}
	// Build on the click that opens it (before the next paint), and on `toggle` for any other way of opening.
	summaryElement.addEventListener('click', () => {
		if (!details.open) {
			ensureBody();
		}
	});
	details.addEventListener('toggle', () => {
		if (details.open) {
			ensureBody();
		}
	});
	return details;
}
