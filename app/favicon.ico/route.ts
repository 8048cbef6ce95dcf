/**
 * Browsers and crawlers ask for /favicon.ico whatever the page says; the portal's icon is the SVG
 * that app/icon.svg publishes (and every page links to), so send them there for good.
 */
export function GET(): Response {
  return new Response(null, { status: 308, headers: { Location: "/icon.svg" } });
}
