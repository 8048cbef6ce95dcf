/**
 * Masks the personal data a published letter must not show (《个人信息保护法》第二十八条 treats
 * identity numbers as sensitive): 身份证号 (18 characters, the last may be X), mainland mobile
 * numbers, landline numbers with an area code, and the writer's name wherever it appears. A
 * handler reviews the result before publishing: this finds the common patterns, not every name.
 */
export function redactPersonalData(
  text: string,
  options: { names?: (string | null | undefined)[] } = {},
): string {
  let out = text
    // ID numbers first: a mobile number's pattern would otherwise match inside one
    .replace(
      /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9A-Za-z])/g,
      (id) => "*".repeat(id.length),
    )
    .replace(/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, (phone) => {
      const digits = phone.replace(/\D/g, "").slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(7)}`;
    })
    // a landline keeps its area code, which names only the city
    .replace(
      /(?<!\d)(0\d{2,3})(-?)(\d{7,8})(?!\d)/g,
      (_, area: string, dash: string, local: string) => `${area}${dash}${"*".repeat(local.length)}`,
    );
  const names = [
    ...new Set((options.names ?? []).map((n) => n?.trim()).filter((n): n is string => !!n && n.length >= 2)),
  ];
  for (const name of names.sort((a, b) => b.length - a.length)) out = out.split(name).join(maskName(name));
  return out;
}

/** 张三 → 张*, 欧阳小明 → 欧***: the family name stays, as replies customarily address 张先生. */
function maskName(name: string): string {
  return name[0] + "*".repeat(name.length - 1);
}
