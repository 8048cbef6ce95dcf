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
    // Only lib/ touches the database; pages and components call lib/<domain> (scripts/architecture.test.ts checks the same).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "@/lib/db/*", "**/lib/db/**"],
              message:
                "Pages and components call lib/<domain>, which owns the database client; only lib/ touches the database.",
            },
          ],
          paths: [
            {
              name: "next/link",
              message:
                "Use Link from @/components/ui/Link: it does not prefetch, and every prefetch of the portal's pages is a render on the server.",
            },
          ],
        },
      ],
    },
  },
  {
    // the one place next/link is used
    files: ["components/ui/Link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
