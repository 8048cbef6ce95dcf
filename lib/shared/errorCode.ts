/**
 * Error codes are an errors-namespace key, optionally with a limit: `tooLongMax|50`. The text for
 * the key may use `{{limit}}`.
 */
export function splitErrorCode(code: string): { key: string; limit?: number } {
  const [key, limit] = code.split("|");
  return limit === undefined ? { key } : { key, limit: Number(limit) };
}

/** The message for a code from an already-translated message map (client forms). */
export function messageForCode(messages: Record<string, string>, code: string): string {
  const { key, limit } = splitErrorCode(code);
  return (messages[key] ?? messages.unexpected).replace(
    "{{limit}}",
    limit === undefined ? "" : String(limit),
  );
}
