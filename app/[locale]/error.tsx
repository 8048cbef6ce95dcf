"use client";

import { PageFailed } from "@/components/layout/PageFailed";

/** Shown when a page fails unexpectedly (for example the database is unreachable). */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return <PageFailed digest={error.digest} />;
}
