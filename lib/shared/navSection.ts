/** The sections of the main navigation, in their order. */
export const navSections = ["home", "disclosure", "services", "notices", "letters", "track"] as const;
export type TNavSection = (typeof navSections)[number];

/** Where each section lives under `/{locale}`; pages under these paths belong to it. */
const sectionPaths: Record<Exclude<TNavSection, "home">, string[]> = {
  disclosure: ["/disclosure"],
  services: ["/services"],
  notices: ["/notices"],
  letters: ["/letters"],
  // checking a result document's code is part of following a case
  track: ["/track", "/verify"],
};

/** The address of a section's own page. */
export const navHref = (locale: string, section: TNavSection) =>
  section === "home" ? `/${locale}` : `/${locale}${sectionPaths[section][0]}`;

/**
 * The navigation section a page belongs to, from its path (`/zh-Hans/services/RS-JYDJ-001/apply`
 * → services): the home page only at `/{locale}` itself; null for pages of no section (account,
 * search). A path in another locale, or a look-alike (`/servicesX`), belongs to none.
 */
export function navSection(pathname: string, locale: string): TNavSection | null {
  const path = pathname.split(/[?#]/)[0].replace(/\/+$/, "");
  const prefix = `/${locale}`;
  if (path === prefix) return "home";
  if (!path.startsWith(`${prefix}/`)) return null;
  const rest = path.slice(prefix.length);
  for (const [section, paths] of Object.entries(sectionPaths))
    if (paths.some((p) => rest === p || rest.startsWith(`${p}/`))) return section as TNavSection;
  return null;
}
