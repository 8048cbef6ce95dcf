import type { ReactNode } from "react";
import { Link } from "@/components/ui/Link";

/** A link on a line of its own, leading on from what stands above it. */
export function MoreLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mt-2">
      <Link href={href}>{children}</Link>
    </p>
  );
}
