// Lint rules of the house style: type-checked typescript-eslint for all TypeScript, the layering rule (no runtime
// `vscode` in the vscode-free core), and plain recommended rules for the few build and host scripts in JS.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
	[
		'require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL',
		'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'fetch', 'AbortSignal',
		'AbortController', 'structuredClone',
	].map((name) => [name, 'readonly']),
);

const browserGlobals = Object.fromEntries(
	['document', 'window', 'CSS', 'HTMLElement', 'Element', 'navigator'].map((name) => [name, 'readonly']),
);

export default defineConfig(
	globalIgnores([
		'out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-web/**', '.test-artifacts/**',
		'test/webview/fixtures/**', '**/*.vsix',
	]),
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
		languageOptions: {
			// Finds the nearest tsconfig per file: the root one, or src/webview/client/tsconfig.json (DOM lib).
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			// A `default` branch is an explicit decision; a switch without one must cover every union member.
			'@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
			'@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			curly: ['error', 'all'],
			eqeqeq: ['error', 'always'],
			'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
		},
	},
	{
		files: ['src/**/*.ts'],
		rules: {
			'no-console': 'error',
		},
	},
	{
		files: ['src/api/**/*.ts', 'src/executions/**/*.ts', 'src/common/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', {
				paths: [{
					name: 'vscode',
					message: 'The vscode-free core (api, executions, common) may only `import type` from vscode.',
					allowTypeImports: true,
				}],
			}],
		},
	},
	{
		// Tests, benchmarks and scripts: assertions and fixtures handle untyped JSON and use async mocha callbacks.
		files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/unbound-method': 'off',
			'@typescript-eslint/require-await': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
			// `rows[0]!` reads as intent in assertions even where the compiler already knows the type.
			'@typescript-eslint/no-unnecessary-type-assertion': 'off',
			// Messages and assertions format unknown values on purpose.
			'@typescript-eslint/no-base-to-string': 'off',
		},
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		extends: [js.configs.recommended],
		languageOptions: { ecmaVersion: 2023, sourceType: 'commonjs', globals: nodeGlobals },
		rules: { curly: ['error', 'all'], eqeqeq: ['error', 'always'] },
	},
	{
		// Functions passed to page.evaluate run in the browser.
		files: ['test/host/**/*.js'],
		languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } },
	},
	{
		files: ['**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
	},
);
