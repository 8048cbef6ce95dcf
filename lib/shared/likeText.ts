/**
 * Text for Prisma's `contains`, `startsWith` and `endsWith`, which put it into a LIKE pattern as it
 * is: PostgreSQL reads `%` and `_` there as wildcards and `\` as the escape, so a search for
 * `100%` or `a_b` matched other text and one ending in `\` matched nothing. Escaped, each is
 * searched for as written.
 */
export function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
