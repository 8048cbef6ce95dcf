import { getDocument } from "@/lib/disclosure/queries";

/** The published document a page's path names ({unit}/{YYYY}-{NNNNN}); null (a 404) for anything else. */
export async function documentAt(params: Promise<{ unit: string; serial: string }>) {
  const { unit, serial } = await params;
  return getDocument({ indexNo: `${unit}/${serial}` });
}
