/**
 * Masks the personal data a published letter must not show (《个人信息保护法》第二十八条 treats
 * identity numbers as sensitive): 身份证号 (18 characters, the last may be X, or the old 15
 * digits), bank card numbers, mainland mobile numbers, landline numbers with an area code,
 * e-mail addresses, home addresses (the building, unit, room and door numbers, and whatever
 * follows 家住/住址), and people's names — the writer's, and any a letter introduces (我叫…,
 * 姓名：…, a signature line) wherever they then appear. A handler reviews the result before
 * publishing: this finds the common patterns, not every name.
 */
export function redactPersonalData(
  text: string,
  options: { names?: (string | null | undefined)[] } = {},
): string {
  const stars = (s: string) => "*".repeat(s.length);
  let out = text
    // ID numbers first: a mobile number's pattern would otherwise match inside one
    .replace(/(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9A-Za-z])/g, stars)
    .replace(/(?<![0-9A-Za-z])\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g, stars)
    // a bank card (16 to 19 digits, spaced in fours or not) keeps its last four digits
    .replace(/(?<!\d)(?:62|4\d|5[1-5])\d{2}(?:[- ]?\d{4}){2,3}(?:[- ]?\d{1,3})?(?!\d)/g, (card) => {
      const digits = card.replace(/\D/g, "");
      if (digits.length < 16 || digits.length > 19) return card;
      return `${"*".repeat(digits.length - 4)}${digits.slice(-4)}`;
    })
    .replace(/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, (phone) => {
      const digits = phone.replace(/\D/g, "").slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(7)}`;
    })
    // a landline keeps its area code, which names only the city
    .replace(
      /(?<!\d)(0\d{2,3})(-?)(\d{7,8})(?!\d)/g,
      (_, area: string, dash: string, local: string) => `${area}${dash}${"*".repeat(local.length)}`,
    )
    // an e-mail address keeps its domain
    .replace(/[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g, (_, domain: string) => `***@${domain}`)
    // after 家住, 住址 or 住在: everything past the district (区, 县) up to the end of the phrase
    .replace(
      /(家住|住址[：:]?|住在|家庭住址[：:]?|居住地[：:]?|现住)([^，。；,;！!？?\n]{2,60})/g,
      (_, cue: string, address: string) => {
        const kept = address.match(/^.*?(?:区|县|市(?!场))/)?.[0] ?? "";
        return `${cue}${kept}${stars(address.slice(kept.length))}`;
      },
    )
    // wherever they stand: building, unit, floor and room numbers, and a door number after a road
    .replace(
      /(\d+|[一二三四五六七八九十]+)(栋|幢|号楼|单元|楼|室|号院)/g,
      (_, n: string, unit: string) => `${stars(n)}${unit}`,
    )
    .replace(
      /(路|街|巷|道|里|村|弄)(\d+)(号)/g,
      (_, road: string, n: string, no: string) => `${road}${stars(n)}${no}`,
    );
  const names = [
    ...new Set(
      [...(options.names ?? []), ...detectNames(text)]
        .map((n) => n?.trim())
        .filter((n): n is string => !!n && n.length >= 2),
    ),
  ];
  for (const name of names.sort((a, b) => b.length - a.length)) out = out.split(name).join(maskName(name));
  return out;
}

/** 百家姓: the commonest family names, which a name a letter introduces starts with. */
const familyNames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const surname = `[${familyNames}]`;
/** a given name of one or two characters, never a title (王先生 names nobody) */
const given = "(?!先生|女士|同志|老师|师傅|阿姨|大爷|大妈|某)[\\u4e00-\\u9fa5]{1,2}";
/** What may follow a name: punctuation, the end, or the words that go on to describe the person. */
const after =
  "(?=[，,。；;、：:\\s（(\\d]|$|身份|电话|手机|联系|邮箱|住|现年|今年|男|女|也|在|的|是|已|因|于|和|与|等|说)";

/**
 * Names a letter introduces itself: after 我叫, 本人, 我是, 姓名, 联系人, 写信人, 签名, 署名, or a
 * signature — a line that is only a name (followed by a comma or the line's end).
 */
export function detectNames(text: string): string[] {
  const found = new Set<string>();
  const cued = new RegExp(
    `(?:我叫|本人|我是|姓名[：:]?|联系人[：:]?|写信人[：:]?|来信人[：:]?|举报人[：:]?|反映人[：:]?|署名[：:]?|名叫|代表|患者|老人|孩子|儿子|女儿|丈夫|妻子|母亲|父亲)(${surname}${given})${after}`,
    "g",
  );
  for (const m of text.matchAll(cued)) found.add(m[1]);
  const signature = new RegExp(`(?:^|\\n)\\s*(${surname}${given})\\s*(?=[，,]|\\n|$)`, "g");
  for (const m of text.matchAll(signature)) found.add(m[1]);
  // 张晓明您好: a reply that greets the writer by name
  const greeting = new RegExp(`(?:^|\\n)\\s*(${surname}${given})(?:您好|你好|同志|先生|女士)`, "g");
  for (const m of text.matchAll(greeting)) found.add(m[1]);
  return [...found];
}

/** 张三 → 张*, 欧阳小明 → 欧***: the family name stays, as replies customarily address 张先生. */
function maskName(name: string): string {
  return name[0] + "*".repeat(name.length - 1);
}

/**
 * A letter's public copy: the names introduced anywhere in it (and the writer's) are masked
 * in the subject, the content and the reply alike — a reply greets the writer by name.
 */
export function redactLetter(letter: {
  subject: string;
  content: string;
  reply: string;
  writerName?: string | null;
}) {
  const names = [letter.writerName, ...detectNames(`${letter.subject}\n${letter.content}\n${letter.reply}`)];
  return {
    publicSubject: redactPersonalData(letter.subject, { names }),
    publicContent: redactPersonalData(letter.content, { names }),
    publicReply: redactPersonalData(letter.reply, { names }),
  };
}
