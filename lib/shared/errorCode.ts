/**
 * Error codes are an errors-namespace key, optionally with a limit: `tooLongMax|50`. The text for
 * the key may use `{{limit}}`.
 */
export function splitErrorCode(code: string): { key: string; limit?: number } {
  const [key, limit] = code.split("|");
  return limit === undefined ? { key } : { key, limit: Number(limit) };
}

/**
 * What kind of answer a field takes, which says what its "missing" message asks for: something
 * typed (请输入…), a choice (请选择…), at least one of several boxes, or a file (请上传…).
 */
export type TFieldKind = "input" | "choice" | "multi" | "file";

/**
 * The field an error belongs to, as the form shows it: its label (without "optional") and kind;
 * `name` is how messages call it where the label is a question or an instruction ("What
 * information do you want?" is asked for as "a description of the information").
 */
export type TErrorField = { label: string; kind: TFieldKind; name?: string };

/** A missing answer is asked for in the words of the field's kind. */
const missingKey: Record<TFieldKind, string> = {
  input: "required",
  choice: "requiredChoice",
  multi: "chooseAtLeastOne",
  file: "fileRequired",
};
const missingCodes = new Set(["required", "fileRequired", "chooseAtLeastOne"]);

/**
 * A label inside an English sentence: "Full name" → "full name", while "ID card number" and
 * Chinese labels stay as they are.
 */
export function labelInSentence(label: string): string {
  // a label that is itself an instruction ("Enter the password again", "Your letter") is named by its object
  const noun = label.replace(/^(Enter (the|your) |Your )/, "");
  return /^[A-Z][a-z]/.test(noun) ? noun[0].toLowerCase() + noun.slice(1) : noun;
}

/**
 * The message for a code from an already-translated message map (client forms). Given the field,
 * the message names it and says what to do (`field.*` templates of the errors namespace:
 * "请输入公民身份号码", "Enter your ID card number"); a key without a template keeps its own text.
 */
export function messageForCode(messages: Record<string, string>, code: string, field?: TErrorField): string {
  const { key, limit } = splitErrorCode(code);
  let text = messages[key] ?? messages.unexpected;
  if (field) {
    // a choice left empty fails as "not one of the options": it is asked for as missing (请选择…)
    const missing = missingCodes.has(key) || (key === "choose" && field.kind !== "input");
    const fieldKey = missing ? missingKey[field.kind] : key;
    const template = messages[`field.${fieldKey}`];
    const noun = field.name ?? field.label;
    if (template)
      text = template
        .replaceAll("{{Field}}", () => {
          const name = labelInSentence(noun);
          return name.charAt(0).toUpperCase() + name.slice(1);
        })
        .replaceAll("{{field}}", () => labelInSentence(noun));
  }
  return text.replaceAll("{{limit}}", limit === undefined ? "" : String(limit));
}
