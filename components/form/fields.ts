import type { TSimpleField } from "./SimpleForm";

type TMore = Omit<TSimpleField, "name" | "type" | "label">;

/**
 * A builder of one kind of field: its name and label, then what that kind cannot do without, then
 * anything else it says (a hint, how error messages name it, the empty option, …).
 */
function kind<K extends keyof TMore>(type: TSimpleField["type"], needs: K) {
  return (name: string, label: string, value: NonNullable<TMore[K]>, more?: Omit<TMore, K>) =>
    ({ name, type, label, [needs]: value, ...more }) as TSimpleField;
}

/**
 * A SimpleForm field on one line. A typed input always says what the browser may fill it with
 * (`"off"` where nothing it remembers belongs: codes, settings, identifiers); a textarea its
 * height; radios and selects their choices.
 */
export const field = {
  text: kind("text", "autoComplete"),
  email: kind("email", "autoComplete"),
  password: kind("password", "autoComplete"),
  textarea: kind("textarea", "rows"),
  radio: kind("radio", "options"),
  select: kind("select", "options"),
};
