/**
 * Lets a plain Node process (the worker) load lib's server modules. They import `server-only`,
 * which throws outside a React server build; the `react-server` condition would silence it but
 * also hands Next's client modules a React without createContext. So only that one import is
 * resolved to the package's own empty module, as the tests' alias does.
 */
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier !== "server-only") return next(specifier, context);
        return next(specifier, { ...context, conditions: ["react-server", ...context.conditions] });
      }`),
);
