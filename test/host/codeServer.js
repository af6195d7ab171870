// Starts the offline VS Code host (code-server on Node 24) and drives Debian Chromium against it, exactly as
// docs/vscode-test-host.md prescribes. Shared by the integration runner (run.js) and `npm run demo`, so the
// recipe that was paid for in pitfalls lives in one place.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { install } = require('./install');

/** User settings that keep the workbench on loopback and quiet. */
const QUIET_SETTINGS = {
	'telemetry.telemetryLevel': 'off',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'workbench.enableExperiments': false,
	'chat.disableAIFeatures': true,
	'git.enabled': false,
	'workbench.startupEditor': 'none',
	'update.mode': 'none',
	// Not about the network: keeps the empty chat side bar out of screenshots.
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const BROWSER_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1, MAP * ~NOTFOUND',
];

/** Credentials a developer may have exported must never leak into a test or demo host by accident. */
const STRIPPED_ENV = ['VELT_API_KEY', 'VELT_AUTH_TOKEN', 'VELT_UI_BRIDGE', 'ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI'];

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function makeTempDir(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
}

/** "VS Code 1.139.1 (code-server 4.139.1, Node 24.22.3)", read from the installed packages (no process start). */
function versionLine(paths) {
	const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).version;
	const code = read(path.join(paths.codeServer, 'lib', 'vscode', 'package.json'));
	const cs = read(path.join(paths.codeServer, 'package.json'));
	const node = read(path.join(paths.nodeDir, 'package.json'));
	return `VS Code ${code} (code-server ${cs}, Node ${node})`;
}

function waitForListening(child, timeoutMs) {
	return new Promise((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs} ms`)), timeoutMs);
		const onData = (chunk) => {
			seen += chunk.toString();
			if (seen.includes('HTTP server listening')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`code-server exited early (code ${code}, signal ${signal})`));
		});
	});
}

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

async function stopChild(child) {
	if (child.exitCode !== null || child.signalCode !== null) {
		return;
	}
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killGroup(child, 'SIGTERM');
	const timer = new Promise((resolve) => setTimeout(resolve, 3000).unref());
	if ((await Promise.race([exited.then(() => true), timer.then(() => false)])) === false) {
		killGroup(child, 'SIGKILL');
		await exited;
	}
}

function childEnv(root, env) {
	const base = { ...process.env };
	for (const name of STRIPPED_ENV) {
		delete base[name];
	}
	return { ...base, ...env, XDG_CONFIG_HOME: root, XDG_DATA_HOME: root, EXTENSIONS_GALLERY: '{}' };
}

/**
 * Installs (on demand) and starts code-server in its own process group under `root`, and resolves once it
 * listens. `env` reaches the extension host. Logs are kept in memory (`logs()`) and echoed when `echo` is set.
 */
async function startCodeServer({ root, port, userSettings = {}, env = {}, echo = false, startTimeoutMs = 90000 }) {
	const paths = install();
	const chosenPort = port || (await freePort());
	const config = path.join(root, 'config.yaml');
	fs.writeFileSync(config, `bind-addr: 127.0.0.1:${chosenPort}\nauth: none\ncert: false\n`);
	writeJson(path.join(root, 'ud', 'User', 'settings.json'), { ...QUIET_SETTINGS, ...userSettings });
	const args = [paths.entry, '--config', config, '--disable-telemetry', '--disable-update-check',
		'--disable-workspace-trust', '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver',
		'--user-data-dir', path.join(root, 'ud'), '--extensions-dir', path.join(root, 'exts')];
	const child = spawn(paths.node, args, { env: childEnv(root, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const log = [];
	const keep = (stream) => (chunk) => {
		log.push(chunk.toString());
		if (echo) {
			stream.write(chunk);
		}
	};
	child.stdout.on('data', keep(process.stdout));
	child.stderr.on('data', keep(process.stderr));
	const killOnExit = () => killGroup(child, 'SIGKILL');
	process.on('exit', killOnExit);
	try {
		await waitForListening(child, startTimeoutMs);
	} catch (e) {
		killOnExit();
		throw new Error(`${e.message}\n${log.join('')}`);
	}
	return {
		port: chosenPort,
		origin: `http://localhost:${chosenPort}`,
		version: versionLine(paths),
		logs: () => log.join(''),
		stop: async () => {
			await stopChild(child);
			process.removeListener('exit', killOnExit);
		},
	};
}

/** The workbench URL; `payload` pairs use VS Code's own integration-test channel (needs the smoke-test driver). */
function workbenchUrl(port, folder, payload) {
	const query = [`folder=${encodeURIComponent(folder)}`];
	if (payload && payload.length > 0) {
		query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
	}
	return `http://localhost:${port}/?${query.join('&')}`;
}

/** Payload pairs loading `extensionDevelopmentPath` (and running `extensionTestsPath` when given). */
function devPayload(port, extensionDevelopmentPath, extensionTestsPath) {
	const remote = (p) => `vscode-remote://localhost:${port}${path.resolve(p)}`;
	const pairs = [['skipWelcome', 'true'], ['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
	if (extensionTestsPath) {
		pairs.push(['extensionTestsPath', remote(extensionTestsPath)]);
	}
	return pairs;
}

/** Debian Chromium with a fresh profile; the Preferences file must exist first or webviews stay blank. */
async function launchBrowser(profileDir, { headless = true, viewport = { width: 1400, height: 900 } } = {}) {
	writeJson(path.join(profileDir, 'Default', 'Preferences'), {
		profile: { cookie_controls_mode: 0, block_third_party_cookies: false },
	});
	const { chromium } = require('playwright-core');
	return chromium.launchPersistentContext(profileDir, {
		executablePath: process.env.VELT_CHROMIUM || '/usr/bin/chromium',
		headless,
		viewport,
		args: BROWSER_ARGS,
	});
}

module.exports = {
	QUIET_SETTINGS,
	devPayload,
	freePort,
	launchBrowser,
	makeTempDir,
	startCodeServer,
	workbenchUrl,
	writeJson,
};
