/**
 * "Track it" from a confirmation page: the number and 查询码 posted to the tracking page (a
 * button, no JavaScript needed), so the 查询码 is never put in a link.
 */
export function TrackButton({
  action,
  locale,
  trackingNumber,
  accessCode,
  label,
}: {
  /** the tracking page's action (app/[locale]/track/actions.ts) */
  action: (formData: FormData) => Promise<void>;
  locale: string;
  trackingNumber: string;
  accessCode: string;
  label: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="trackingNumber" value={trackingNumber} />
      <input type="hidden" name="accessCode" value={accessCode} />
      <button type="submit" className="min-h-10 text-left text-link underline">
        {label}
      </button>
    </form>
  );
}
