import { Button } from "@/components/ui/Button";

/** The button that tries a failed mail, text message or job again, by its id. */
export function RetryForm({
  action,
  id,
  label,
}: {
  action: (formData: FormData) => Promise<void>;
  id: string;
  label: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button variant="secondary">{label}</Button>
    </form>
  );
}
