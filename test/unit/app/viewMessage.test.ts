import * as assert from 'node:assert/strict';
import { ViewMessage } from '../../../src/app/viewMessage';

describe('ViewMessage', () => {
	it('joins the parts in a fixed order and clears when empty', () => {
		const view: { message?: string } = {};
		const message = new ViewMessage(view);
		message.partTarget('updated').message = 'Updated 5 s ago';
		message.set('filter', 'Filter: a · failed');
		assert.equal(view.message, 'Filter: a · failed — Updated 5 s ago');
		message.set('filter', undefined);
		message.partTarget('updated').message = undefined;
		assert.equal(view.message, undefined);
	});

	it('shows only the connection part while signed out, so the welcome view is not hidden', () => {
		const view: { message?: string } = {};
		const message = new ViewMessage(view);
		message.set('filter', 'Filter: a');
		message.setSignedOut(true);
		assert.equal(view.message, undefined);
		message.set('connection', 'URL refused');
		assert.equal(view.message, 'URL refused');
		message.setSignedOut(false);
		assert.equal(view.message, 'URL refused — Filter: a');
	});
});
