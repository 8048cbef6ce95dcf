import type { PrismaClient } from "../../lib/db/generated/client";
import { addWorkingDays, workingDaysBetween } from "../../lib/calendar/workdays";
import { letterKinds, letterRatings, replyWorkingDays, type TLetterStatus } from "../../lib/letters/kinds";
import { redactLetter } from "../../lib/letters/redact";

const subjects: Record<(typeof letterKinds)[number], string[]> = {
  CONSULTATION: [
    "灵活就业人员社保缴费基数如何确定",
    "新生儿医保参保需要哪些材料",
    "公租房申请的收入标准是多少",
  ],
  SUGGESTION: ["建议延长社区食堂的营业时间", "建议在地铁站增设无障碍电梯", "建议公园增加夜间照明"],
  COMPLAINT: ["小区旁工地夜间施工噪音扰民", "某培训机构拒不退还学费", "物业公司擅自提高停车费"],
  HELP: ["家中老人失能，申请居家照护服务", "孩子转学入学遇到困难", "失业后申请临时救助"],
  REPORT: ["举报某餐馆无证经营", "举报某企业拖欠农民工工资", "举报河道偷排污水"],
};
const mailboxes = [null, "RSJ", "MZJ", "JYJ", "WJW", "ZJJ"] as const;
const writers = ["citizen@example.cn", "citizen2@example.cn"] as const;

/** The seeded letters: 48 from May to November 2026, every kind and mailbox, half published. */
export function letterSpecs() {
  return Array.from({ length: 48 }, (_, i) => {
    const kind = letterKinds[i % letterKinds.length];
    const received = addWorkingDays("2026-05-06", i * 3).due;
    const accepted = addWorkingDays(received, 1).due;
    const allowed = replyWorkingDays[kind];
    // most replies come in time; every seventh letter runs a few days late
    const replyDays = i % 7 === 3 ? allowed + 3 : 1 + ((i * 5) % allowed);
    const replied = addWorkingDays(accepted, replyDays).due;
    const status: TLetterStatus =
      i % 2 === 0
        ? "PUBLISHED"
        : i >= 41
          ? (["SUBMITTED", "ACCEPTED", "FORWARDED", "ACCEPTED"] as const)[(i - 41) / 2]
          : i % 8 === 7
            ? "REFUSED"
            : "REPLIED";
    const repliedStatus = status === "PUBLISHED" || status === "REPLIED";
    const acceptedStatus = repliedStatus || status === "ACCEPTED";
    return {
      number: `XJ${received.replace(/-/g, "")}${String(800 + i).padStart(6, "0")}`,
      kind,
      mailbox: mailboxes[i % mailboxes.length],
      forwardedTo: status === "FORWARDED" ? "MZJ" : null,
      subject: subjects[kind][Math.floor(i / letterKinds.length) % 3],
      // anonymous writers only for questions and suggestions
      writer: (kind === "CONSULTATION" || kind === "SUGGESTION") && i % 3 === 0 ? null : writers[i % 2],
      status,
      consent: status === "PUBLISHED" || i % 4 === 1,
      received,
      accepted: acceptedStatus ? accepted : null,
      due: acceptedStatus ? addWorkingDays(accepted, allowed).due : null,
      replied: repliedStatus ? replied : null,
      workingDays: repliedStatus ? workingDaysBetween(accepted, replied) : null,
      rating: repliedStatus && i % 5 !== 4 ? letterRatings[i % 3] : null,
    };
  });
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/** Writes the seeded letters, keyed by their fixed 信件编号: seeding again changes nothing. */
export async function seedLetters(
  prisma: PrismaClient,
  departmentId: (code: string) => string,
): Promise<number> {
  const specs = letterSpecs();
  for (const spec of specs) {
    if (await prisma.letter.findUnique({ where: { number: spec.number }, select: { id: true } })) continue;
    const writer = spec.writer
      ? await prisma.user.findUnique({
          where: { email: spec.writer },
          select: { id: true, name: true, phone: true },
        })
      : null;
    const signature = writer ? `\n\n${writer.name}，联系电话 ${writer.phone ?? "13800280009"}` : "";
    const content = `${spec.subject}。情况如下：近一个月来多次反映未果，希望有关部门尽快处理并给予答复。${signature}`;
    const replyText = spec.replied
      ? `${writer ? `${writer.name}您好：` : "您好："}来信收悉。经核查，我们已责成有关单位处理，并将持续跟进。如有疑问，请拨打 12345。`
      : null;
    const mailbox = spec.forwardedTo ?? spec.mailbox;
    const events: { kind: string; toStatus: TLetterStatus; createdAt: Date; reason?: string }[] = [
      { kind: "submit", toStatus: "SUBMITTED", createdAt: at(spec.received, 1) },
    ];
    if (spec.forwardedTo)
      events.push({
        kind: "forward",
        toStatus: "FORWARDED",
        createdAt: at(spec.received, 3),
        reason: "属民政局职责",
      });
    if (spec.status === "REFUSED")
      events.push({
        kind: "refuse",
        toStatus: "REFUSED",
        createdAt: at(spec.received, 3),
        reason: "该事项已进入诉讼程序",
      });
    if (spec.accepted) events.push({ kind: "accept", toStatus: "ACCEPTED", createdAt: at(spec.accepted, 2) });
    if (spec.replied)
      events.push(
        { kind: "draft", toStatus: "DRAFTED", createdAt: at(spec.replied, 1) },
        { kind: "signOff", toStatus: "SIGNED_OFF", createdAt: at(spec.replied, 2) },
        { kind: "send", toStatus: "REPLIED", createdAt: at(spec.replied, 3) },
      );
    if (spec.status === "PUBLISHED")
      events.push({ kind: "publish", toStatus: "PUBLISHED", createdAt: at(spec.replied!, 6) });
    await prisma.letter.create({
      data: {
        number: spec.number,
        accessCode: "DEMO23",
        kind: spec.kind,
        departmentId: mailbox ? departmentId(mailbox) : null,
        forwardedFromId: spec.forwardedTo && spec.mailbox ? departmentId(spec.mailbox) : null,
        subject: spec.subject,
        content,
        consentToPublish: spec.consent,
        writerId: writer?.id ?? null,
        status: spec.status,
        acceptedOn: asDate(spec.accepted),
        dueOn: asDate(spec.due),
        replyText,
        repliedOn: asDate(spec.replied),
        workingDays: spec.workingDays,
        rating: spec.rating,
        ratedAt: spec.rating ? at(spec.replied!, 8) : null,
        ...(spec.status === "PUBLISHED"
          ? {
              ...redactLetter({
                subject: spec.subject,
                content,
                reply: replyText ?? "",
                writerName: writer?.name,
              }),
              publishedAt: at(spec.replied!, 6),
            }
          : {}),
        createdAt: at(spec.received, 1),
        events: { create: events },
      },
    });
  }
  return specs.length;
}
