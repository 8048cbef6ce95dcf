import { permanentRedirect } from "next/navigation";
import { currentIndexNo, getDocument } from "@/lib/disclosure/queries";

/**
 * The published document a page's path names ({unit}/{YYYY}-{NNNNN}); a former 索引号 redirects
 * permanently (308) to the same page under the current one (`suffix`: "/print" for the print
 * view); null (a 404) for anything else.
 */
export async function documentAt(
  params: Promise<{ locale: string; unit: string; serial: string }>,
  suffix = "",
) {
  const { locale, unit, serial } = await params;
  const doc = await getDocument({ indexNo: `${unit}/${serial}` });
  if (doc) return doc;
  const current = await currentIndexNo({ indexNo: `${unit}/${serial}` });
  if (current) permanentRedirect(`/${locale}/disclosure/${current}${suffix}`);
  return null;
}
