import * as assert from 'node:assert/strict';
import { executionLink, parseExecutionLink } from '../../../src/app/executionLinks';

describe('execution links', () => {
	it('round-trips an execution id through a vscode:// link', () => {
		const link = new URL(executionLink('vscode', 'velt-workflows.velt-workflow-executions', 'exec_1777374504255_xzy43k9q'));
		assert.equal(link.protocol, 'vscode:');
		assert.equal(link.host, 'velt-workflows.velt-workflow-executions');
		assert.equal(parseExecutionLink(link.pathname, link.search.slice(1)), 'exec_1777374504255_xzy43k9q');
	});

	it('refuses other paths, missing or hostile ids', () => {
		assert.equal(parseExecutionLink('/other', 'executionId=exec_1'), undefined);
		assert.equal(parseExecutionLink('/open', ''), undefined);
		assert.equal(parseExecutionLink('/open', 'executionId='), undefined);
		assert.equal(parseExecutionLink('/open', `executionId=${encodeURIComponent('../../etc/passwd')}`), undefined);
		assert.equal(parseExecutionLink('/open', `executionId=${encodeURIComponent('<img src=x>')}`), undefined);
		assert.equal(parseExecutionLink('/open', `executionId=${'a'.repeat(201)}`), undefined);
	});
});
