import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "data/**",
      ".e2e-data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // STYLE.md: only lib/ touches Prisma; pages and components call lib/<domain>.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "**/db/generated/**", "@/lib/db/generated/**"],
              message: "Pages and components call lib/<domain>; only lib/ touches Prisma.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
