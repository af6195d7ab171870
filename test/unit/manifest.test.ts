import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, ContextKeys, Views, WEBVIEW_VIEW_TYPE } from '../../src/constants';

interface Manifest {
	engines: { vscode: string };
	devDependencies: Record<string, string>;
	activationEvents: string[];
	contributes: {
		commands: { command: string; title: string; category?: string }[];
		views: Record<string, { id: string; name: string }[]>;
		viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
		viewsWelcome: { view: string; contents: string; when: string }[];
		configuration: { properties: Record<string, { default: unknown }> };
		menus: Record<string, { command: string; when?: string }[]>;
	};
}

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

describe('package.json against the UI contract', () => {
	it('contributes every command id of the id table, each with category Velt', () => {
		const contributed = new Map(manifest.contributes.commands.map((c) => [c.command, c]));
		for (const id of Object.values(Commands)) {
			const command = contributed.get(id);
			assert.ok(command, `missing command ${id}`);
			assert.equal(command.category, 'Velt', `${id} category`);
		}
		assert.equal(contributed.size, Object.values(Commands).length, 'a contributed command is missing from constants.ts');
	});

	it('uses the fixed palette titles', () => {
		const title = (id: string): string | undefined => manifest.contributes.commands.find((c) => c.command === id)?.title;
		assert.equal(title(Commands.signIn), 'Sign In');
		assert.equal(title(Commands.signOut), 'Sign Out');
		assert.equal(title(Commands.refresh), 'Refresh Executions');
		assert.equal(title(Commands.filter), 'Filter Executions…');
		assert.equal(title(Commands.clearFilter), 'Clear Execution Filter');
		assert.equal(title(Commands.openExecution), 'Open Execution by ID…');
		assert.equal(title(Commands.copyExecutionId), 'Copy Execution ID');
		assert.equal(title(Commands.copyExecutionJson), 'Copy Execution as JSON');
		assert.equal(title(Commands.showLogs), 'Show Logs');
		assert.equal(title(Commands.watchExecution), 'Watch Execution');
	});

	it('hides tree-only commands from the palette', () => {
		const hidden = manifest.contributes.menus['commandPalette']?.filter((m) => m.when === 'false').map((m) => m.command);
		assert.ok(hidden?.includes(Commands.loadMore));
		assert.ok(hidden?.includes(Commands.retryGroup));
	});

	it('declares the container, view, welcome view and webview activation', () => {
		assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((c) => [c.id, c.title]), [[Views.container, 'Velt']]);
		assert.deepEqual(manifest.contributes.views[Views.container]?.map((v) => [v.id, v.name]), [[Views.executions, 'Executions']]);
		const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === Views.executions);
		assert.ok(welcome?.contents.includes(`command:${Commands.signIn}`));
		assert.equal(welcome?.when, `!${ContextKeys.signedIn}`);
		assert.deepEqual(manifest.activationEvents, [`onWebviewPanel:${WEBVIEW_VIEW_TYPE}`, 'onUri']);
		assert.ok(fs.existsSync(path.join(root, manifest.contributes.viewsContainers.activitybar[0]?.icon ?? '')));
	});

	it('has the settings of the spec with their defaults and never a secret setting', () => {
		const props = manifest.contributes.configuration.properties;
		assert.equal(props['veltWorkflows.apiBaseUrl']?.default, 'https://api.velt.dev');
		assert.equal(props['veltWorkflows.pageSize']?.default, 50);
		assert.equal(props['veltWorkflows.requestTimeoutSeconds']?.default, 30);
		assert.equal(props['veltWorkflows.pollIntervalSeconds']?.default, 15);
		assert.equal(props['veltWorkflows.notifyOnFinish']?.default, 'watched');
		assert.ok(Object.keys(props).every((k) => !/token|secret|key$/i.test(k)), 'a setting looks like a secret');
	});

	it('pins @types/vscode to the engines minimum, at most 1.139', () => {
		const engine = manifest.engines.vscode.replace(/^\^/, '');
		assert.equal(manifest.devDependencies['@types/vscode'], engine);
		const [major, minor] = engine.split('.').map(Number);
		assert.ok(major === 1 && (minor ?? 0) <= 139);
		assert.match(manifest.devDependencies['typescript'] ?? '', /^5\.9\./);
	});
});
