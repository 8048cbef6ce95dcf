import type { ReactNode } from "react";
import Link from "next/link";

/** A link on a line of its own, leading on from what stands above it. */
export function MoreLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <p className={className}>
      <Link href={href}>{children}</Link>
    </p>
  );
}
