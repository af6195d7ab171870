/**
 * Loading and error views. An error with nothing loaded fills the panel; an error on top of a loaded execution
 * is a dismissible banner that keeps the data visible. Both offer Retry, and Sign In when credentials failed.
 */
import type { FromWebview, WebviewStrings } from '../protocol';
import { button, dataText, el, icon } from './dom';

export function renderLoading(strings: WebviewStrings): HTMLElement {
	return el('div', { className: 'loading-view' }, icon('loading', true), el('span', { text: strings.loading }));
}

export function renderError(
	strings: WebviewStrings,
	message: string,
	kind: string,
	post: (message: FromWebview) => void,
	asBanner: boolean,
): HTMLElement {
	const view = el(
		'div',
		{ className: asBanner ? 'banner error' : 'error-view', attrs: { role: 'alert' } },
		icon('error'),
		el('div', { className: 'error-text' }, asBanner ? null : el('h1', { text: strings.errorTitle }), dataText(message)),
	);
	const actions = el('div', { className: 'actions' });
	actions.append(button(strings.retry, 'refresh', () => post({ type: 'refresh' }), { focusKey: 'retry' }));
	if (kind === 'auth' || kind === 'permission') {
		actions.append(button(strings.signIn, 'sign-in', () => post({ type: 'signIn' }), { focusKey: 'signIn', className: 'button secondary' }));
	}
	if (asBanner) {
		actions.append(button(strings.dismiss, 'close', () => view.remove(), { focusKey: 'dismiss', className: 'button secondary' }));
	}
	view.append(actions);
	return view;
}
