import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** out/test/integration → repository root; the mocha reporter and interface are plain JS under test/. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

function findTests(dir: string): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			found.push(...findTests(full));
		} else if (entry.name.endsWith('.test.js')) {
			found.push(full);
		}
	}
	return found;
}

/** The smoke suite goes first: it asserts the signed-out welcome view before any other suite signs in. */
function orderTests(files: string[]): string[] {
	const isSmoke = (f: string): boolean => path.basename(f) === 'smoke.test.js';
	return [...files.filter(isSmoke), ...files.filter((f) => !isSmoke(f)).sort()];
}

/**
 * Entry point VS Code calls in the extension host (code-server payload runner and @vscode/test-electron alike).
 * Rejects when any test fails, which the host turns into a non-zero exit code.
 */
export async function run(): Promise<void> {
	const mocha = new Mocha({
		ui: path.join(repoRoot, 'test', 'mocha-ui.js') as Mocha.Interface,
		reporter: path.join(repoRoot, 'test', 'mocha-counts.js'),
		color: true,
		timeout: 60000,
	});
	const grep = process.env.VELT_TEST_GREP;
	if (grep) {
		mocha.grep(grep);
	}
	for (const file of orderTests(findTests(__dirname))) {
		mocha.addFile(file);
	}
	const failures = await new Promise<number>((resolve) => mocha.run(resolve));
	if (failures > 0) {
		throw new Error(`${failures} integration test(s) failed`);
	}
}
