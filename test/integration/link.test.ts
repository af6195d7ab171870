/** Execution links: a `vscode://…/open?executionId=…` link opens that execution's panel in the real host. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executionLink } from '../../src/app/executionLinks';
import type { Simulator } from '../sim/api';
import { executionPanelTabs } from './helpers/panel';
import { connectToSimulator, disconnect } from './helpers/session';
import { stubWindow } from './helpers/stubs';
import { openUrl, textVisible, uiBridgeAvailable } from './helpers/ui';
import { waitFor } from './helpers/wait';

const EXTENSION_ID = 'velt-workflows.velt-workflow-executions';
const SETTINGS = { pageSize: 5, pollIntervalSeconds: 0 };

describe('execution links', function () {
	let sim: Simulator;

	before(async function (this: Mocha.Context) {
		if (!uiBridgeAvailable()) {
			this.skip();
		}
		sim = await connectToSimulator({ seed: 3, counts: { pending: 1, running: 2, completed: 4, failed: 2, cancelled: 1 } }, SETTINGS);
	});

	after(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await disconnect(sim, SETTINGS);
	});

	it('opens the execution a link names, and refuses a link that names none', async () => {
		const executionId = sim.executionIds('failed')[0]!;
		const link = await vscode.env.asExternalUri(vscode.Uri.parse(executionLink(vscode.env.uriScheme, EXTENSION_ID, executionId)));
		await openUrl(link.toString(true));
		await waitFor(() => executionPanelTabs().some((tab) => tab.label.endsWith(executionId)), { message: 'panel opened from the link' });
		assert.equal(await textVisible(`Execution ${executionId}`, { timeoutMs: 10000 }), true);
		const stubs = stubWindow();
		try {
			const bad = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/open?executionId=${encodeURIComponent('<script>')}`));
			await openUrl(bad.toString(true));
			await waitFor(() => stubs.messages.some((m) => m.text === 'This link does not name a Velt execution.'), { message: 'refusal message' });
		} finally {
			stubs.restore();
		}
	});
});
