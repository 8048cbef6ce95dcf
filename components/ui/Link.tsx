import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to another of the portal's pages: Next's client-side navigation, without prefetching.
 * Next prefetches every link that scrolls into view, and for the portal's pages (rendered per
 * request: the language, the session, what was published a second ago) each prefetch is a render
 * on the server, past the page cache. A visitor reading the home page on a phone set off a render
 * for every service theme, notice and sign-in link they scrolled past (Lighthouse's full-page
 * load: 30), each 10–90 ms of the server's time, to answer one cached page that costs well under
 * one. Without it, a click asks for the one page it opens.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
