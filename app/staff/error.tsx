"use client";

import { PageFailed } from "@/components/layout/PageFailed";

/** Shown in the staff area's own frame when one of its pages fails unexpectedly. */
export default function StaffErrorPage({ error }: { error: Error & { digest?: string } }) {
  return <PageFailed digest={error.digest} />;
}
