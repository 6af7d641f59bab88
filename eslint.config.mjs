// Lint: typescript-eslint's recommended rules, plus the rule that keeps the engine pure.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'http', 'https', 'net']
          .map((name) => ({ name, message: 'The engine is pure: I/O and the editor connection belong to the shells (server/src/lsp, server/src/cli, server/src/node).' })),
        patterns: [{ group: ['vscode-languageserver/*', 'node:*'], message: 'The engine is pure: no Node built-ins or LSP transport.' }],
      }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
