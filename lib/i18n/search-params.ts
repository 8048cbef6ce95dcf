/** A single trimmed string from Next's searchParams (first value of a repeated key). */
export function param(value: string | string[] | undefined, maxLength = 100): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim().slice(0, maxLength);
  return trimmed ? trimmed : undefined;
}

/** A positive integer parameter, or undefined. */
export function intParam(value: string | string[] | undefined): number | undefined {
  const text = param(value, 10);
  if (!text || !/^\d+$/.test(text)) return undefined;
  const number = Number(text);
  return number > 0 ? number : undefined;
}

/** A parameter that must be one of the allowed values. */
export function enumParam<T extends string>(
  value: string | string[] | undefined,
  allowed: readonly T[],
): T | undefined {
  const text = param(value);
  return text && (allowed as readonly string[]).includes(text) ? (text as T) : undefined;
}

export type TSearchParams = Promise<Record<string, string | string[] | undefined>>;
