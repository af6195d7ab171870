// Builds two bundles: the extension (Node, CommonJS, `vscode` external) and the webview client (browser IIFE),
// and copies the codicon font the webview uses into dist/ so nothing is loaded from node_modules at run time.
// `--production` minifies without source maps; `--watch` rebuilds on change.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Logs build results in the problem-matcher format `npm run watch` users expect. */
const reporter = {
	name: 'reporter',
	setup(build) {
		build.onStart(() => console.log('[watch] build started'));
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) {
					console.error(`    ${location.file}:${location.line}:${location.column}:`);
				}
			}
			console.log('[watch] build finished');
		});
	},
};

function copyCodicons() {
	const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
	const to = path.join(__dirname, 'dist', 'codicons');
	fs.mkdirSync(to, { recursive: true });
	for (const file of ['codicon.css', 'codicon.ttf']) {
		fs.copyFileSync(path.join(from, file), path.join(to, file));
	}
}

const common = {
	bundle: true,
	minify: production,
	sourcemap: production ? false : 'linked',
	sourcesContent: false,
	logLevel: 'silent',
	plugins: [reporter],
};

async function main() {
	fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	copyCodicons();
	const contexts = await Promise.all([
		esbuild.context({
			...common,
			entryPoints: ['src/extension.ts'],
			outfile: 'dist/extension.js',
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			external: ['vscode'],
		}),
		esbuild.context({
			...common,
			entryPoints: ['src/webview/client/main.ts'],
			outfile: 'dist/webview.js',
			platform: 'browser',
			format: 'iife',
			target: 'es2022',
		}),
	]);
	if (watch) {
		await Promise.all(contexts.map((c) => c.watch()));
		return;
	}
	const results = await Promise.all(contexts.map((c) => c.rebuild()));
	await Promise.all(contexts.map((c) => c.dispose()));
	if (results.some((r) => r.errors.length > 0)) {
		process.exit(1);
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
