/**
 * Desktop launcher for the same integration suite: downloads VS Code with @vscode/test-electron, which needs the
 * internet (the offline CI uses test/host/run.js instead). On Linux without a display, run it under
 * `xvfb-run -a npm run test:electron`. UI-bridge assertions skip themselves here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/** out/test/electron → repository root. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'velt-electron-'));
	fs.mkdirSync(path.join(workspace, '.vscode'));
	fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), '{}\n');
	try {
		await runTests({
			extensionDevelopmentPath: repoRoot,
			extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
			launchArgs: [workspace, '--disable-extensions'],
			extensionTestsEnv: { VELT_API_KEY: undefined, VELT_AUTH_TOKEN: undefined },
		});
	} finally {
		fs.rmSync(workspace, { recursive: true, force: true });
	}
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
