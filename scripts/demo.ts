/**
 * `npm run demo`: the extension against the local simulator in the offline VS Code host, for trying it by hand
 * without a Velt account. Starts the simulator and code-server (127.0.0.1 only), loads this repository as a
 * development extension, and passes the simulator's credentials through the environment. Ctrl-C stops both.
 * Flags: --port N (workbench port; default a free one), --variant current|seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SIM_API_KEY, SIM_AUTH_TOKEN } from '../test/sim/api';
import type { ContractVariant } from '../test/sim/api';
import { startSimulator } from '../test/sim/simulator';
import type * as HostModule from '../test/host/codeServer';

/** out/scripts → repository root. */
const repoRoot = path.resolve(__dirname, '..', '..');

/** The host helpers are plain JS run in place (not compiled into out/), so they are loaded by path. */
function loadHost(): typeof HostModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(path.join(repoRoot, 'test', 'host', 'codeServer.js')) as typeof HostModule;
}

function flag(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

function desktopCodeOnPath(): boolean {
	return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'code')));
}

function instructions(url: string, apiBaseUrl: string, workspace: string): string[] {
	const lines = [
		'Velt Workflow Executions demo (simulator data, not the Velt service)',
		`  Open:        ${url}`,
		'               (use "localhost", not 127.0.0.1: webviews need *.localhost; forward the port if remote)',
		`  API base URL ${apiBaseUrl} (already in user settings)`,
		`  Signed in through VELT_API_KEY / VELT_AUTH_TOKEN; for a manual Sign In use`,
		`    API key:    ${SIM_API_KEY}`,
		`    Auth token: ${SIM_AUTH_TOKEN}`,
	];
	if (desktopCodeOnPath()) {
		lines.push('  Desktop VS Code alternative:', `    VELT_API_KEY=${SIM_API_KEY} VELT_AUTH_TOKEN=${SIM_AUTH_TOKEN} ` +
			`code --extensionDevelopmentPath=${repoRoot} ${workspace}`);
	}
	lines.push('Press Ctrl-C to stop.');
	return lines;
}

async function main(): Promise<void> {
	if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
		throw new Error('dist/extension.js is missing: run `npm run demo` (it builds first)');
	}
	const host = loadHost();
	const variant: ContractVariant = flag('--variant') === 'seed' ? 'seed' : 'current';
	const sim = await startSimulator({ variant });
	const root = host.makeTempDir('velt-demo-');
	const workspace = path.join(root, 'workspace');
	const settings = { 'veltWorkflows.apiBaseUrl': sim.url };
	host.writeJson(path.join(workspace, '.vscode', 'settings.json'), settings);
	const server = await host.startCodeServer({
		root,
		port: Number(flag('--port') ?? 0),
		userSettings: settings,
		env: { VELT_API_KEY: SIM_API_KEY, VELT_AUTH_TOKEN: SIM_AUTH_TOKEN },
	});
	const url = host.workbenchUrl(server.port, workspace, host.devPayload(server.port, repoRoot));
	process.stdout.write(`${server.version}\n${instructions(url, sim.url, workspace).join('\n')}\n`);
	const stop = (): void => {
		void Promise.allSettled([server.stop(), sim.close()]).then(() => {
			fs.rmSync(root, { recursive: true, force: true });
			process.exit(0);
		});
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
