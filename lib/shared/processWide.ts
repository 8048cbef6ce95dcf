/**
 * One value per process for a name, made on first use. The build puts a module into the chunks
 * of every route that imports it, and each chunk that loads runs the module again: state kept at
 * module level is then made once per chunk. For what is large (OpenCC's Simplified → Taiwan
 * tables are 180,000 trie nodes, 40 MB of heap each time) or must be shared (the page cache),
 * that is once too many; kept on globalThis under a registered symbol, every copy finds the same.
 */
export function processWide<T>(name: string, make: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`onestop.${name}`);
  return (holder[key] ??= make());
}
