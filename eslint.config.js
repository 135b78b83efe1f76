// Lint configuration (ESLint flat config with typescript-eslint). Formatting is Prettier's job (.prettierrc.json);
// these rules catch mistakes: unused code and imports, floating promises, type-only imports kept type-only.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/', 'oclif.manifest.json', 'src/**/*.generated.*']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {project: ['./tsconfig.json', './test/tsconfig.json'], tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'},
      ],
      '@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', {checkLoops: false}],
      eqeqeq: ['error', 'always', {null: 'ignore'}],
    },
  },
  {
    // Tests use chai's property assertions (`expect(x).to.be.true`), which read as unused expressions.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // Terminal output is matched with its escape sequences on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly'}},
  },
)
