import type { PrismaClient } from "../../lib/db/generated/client";
import { outcomeCells, requesterTypes } from "../../lib/disclosure/outcomes";
import { addWorkingDays } from "../../lib/calendar/workdays";

const descriptions = [
  "2025 年度本市就业补助资金使用情况",
  "城乡居民基本养老保险待遇调整文件",
  "某区 2025 年公共租赁住房分配名单",
  "2025 年度企业职工技能提升补贴发放情况",
  "本市最低生活保障标准调整的依据材料",
  "2024 年度社会保险基金决算报告",
];

/**
 * Replied requests of 2025 covering every outcome of the annual-report table (and every
 * applicant type), one carried into 2026 and two still open, so the 2025 and 2026 reports
 * have real figures. Keyed by fixed 办件编号: seeding again changes nothing.
 */
export async function seedRequests(
  prisma: PrismaClient,
  departmentId: (code: string) => string,
): Promise<number> {
  const rows = outcomeCells.map((cell, index) => ({
    cell,
    index,
    received: addWorkingDays("2025-03-02", index * 8).due,
  }));
  const specs = [
    ...rows.map(({ cell, index, received }) => ({
      number: `GK2025${received.slice(5, 7)}${received.slice(8, 10)}${String(index + 1).padStart(6, "0")}`,
      type: requesterTypes[index % requesterTypes.length],
      received,
      replied: addWorkingDays(received, 12).due,
      outcome: cell.category,
      sub: cell.sub,
    })),
    {
      number: "GK20251222000900",
      type: "PERSON" as const,
      received: "2025-12-22",
      replied: "2026-01-12",
      outcome: "DISCLOSED",
      sub: null,
    },
    {
      number: "GK20261110000901",
      type: "BUSINESS" as const,
      received: "2026-11-10",
      replied: null,
      outcome: null,
      sub: null,
    },
    {
      number: "GK20261118000902",
      type: "PERSON" as const,
      received: "2026-11-18",
      replied: null,
      outcome: null,
      sub: null,
    },
  ];
  for (const [index, spec] of specs.entries()) {
    if (
      await prisma.disclosureRequest.findUnique({
        where: { trackingNumber: spec.number },
        select: { id: true },
      })
    )
      continue;
    const organisation = spec.type !== "PERSON";
    await prisma.disclosureRequest.create({
      data: {
        trackingNumber: spec.number,
        accessCode: "DEMO23",
        requesterType: spec.type,
        requesterName: organisation ? "成都蓉城科技有限公司" : "王芳",
        idNumber: organisation ? "91510100MA61RC8H2N" : "510107198511200044",
        phone: "13800280003",
        description: descriptions[index % descriptions.length],
        deliveryMethod: "download",
        departmentId: departmentId(index % 2 ? "MZJ" : "RSJ"),
        status: spec.replied ? "REPLIED" : "PROCESSING",
        receivedOn: new Date(`${spec.received}T00:00:00Z`),
        dueOn: new Date(`${addWorkingDays(spec.received, 20).due}T00:00:00Z`),
        outcome: spec.outcome,
        outcomeSub: spec.sub,
        legalBasis: spec.outcome ? "《中华人民共和国政府信息公开条例》" : null,
        replyText: spec.outcome ? "经审查，现依法答复如下。" : null,
        letterNumber: spec.replied
          ? `${index % 2 ? "民政局" : "人社局"}依申请公开〔${spec.replied.slice(0, 4)}〕${index + 1}号`
          : null,
        repliedAt: spec.replied ? new Date(`${spec.replied}T02:00:00Z`) : null,
        createdAt: new Date(`${spec.received}T01:00:00Z`),
        events: {
          create: [
            { kind: "submit", toStatus: "SUBMITTED", createdAt: new Date(`${spec.received}T01:00:00Z`) },
            {
              kind: "confirmReceipt",
              toStatus: "RECEIVED",
              data: { clock: { type: "received", day: spec.received } },
              createdAt: new Date(`${spec.received}T02:00:00Z`),
            },
            ...(spec.replied
              ? [
                  {
                    kind: "reply",
                    toStatus: "REPLIED" as const,
                    createdAt: new Date(`${spec.replied}T02:00:00Z`),
                  },
                ]
              : []),
          ],
        },
      },
    });
  }
  return specs.length;
}
