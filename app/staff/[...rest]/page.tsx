import { notFound } from "next/navigation";

/**
 * Any unknown path in the staff area renders the staff not-found page inside the staff layout,
 * instead of Next's built-in one (whose inline styles the Content-Security-Policy blocks).
 */
export default function UnknownStaffPage() {
  notFound();
}
