import * as assert from 'node:assert/strict';
import { isExecutionPanelState } from '../../../src/webview/panelState';

describe('restored panel state', () => {
	it('accepts the state the client stores', () => {
		assert.equal(isExecutionPanelState({ executionId: 'exec_1777374504255_xzy43k9q' }), true);
	});

	it('refuses anything else a webview could hand back', () => {
		for (const bad of [undefined, null, 'exec_1', 42, {}, { executionId: '' }, { executionId: '   ' }, { executionId: 7 }, { executionId: 'x'.repeat(1025) }]) {
			assert.equal(isExecutionPanelState(bad), false, JSON.stringify(bad));
		}
	});
});
