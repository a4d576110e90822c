// ESLint (flat config): Next's rules (react, react-hooks, jsx-a11y, core web vitals), typescript-eslint
// with type information, and eslint-config-prettier last so formatting is Prettier's alone.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import jsxA11y from "eslint-plugin-jsx-a11y";

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next*/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "bench/out/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  { rules: jsxA11y.flatConfigs.recommended.rules },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits hides its failure; with type information these are checked.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Tells which hooks the React Compiler would skip; this app does not run the compiler (next.config).
      "react-hooks/incompatible-library": "off",
    },
  },
  prettier,
];
export default config;
