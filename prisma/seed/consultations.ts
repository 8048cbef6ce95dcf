import type { PrismaClient } from "../../lib/db/generated/client";
import { chinaDay, chinaDayStart } from "../../lib/consultations/rules";

const day = 24 * 3600_000;

/** A China calendar day `offset` days from `now`, as the instant it starts. */
const dayFrom = (now: Date, offset: number) =>
  chinaDayStart(chinaDay(new Date(now.getTime() + offset * day)))!;

type TSeedComment = {
  by: "citizen@example.cn" | "citizen2@example.cn";
  body: string;
  private?: boolean;
  status: "PENDING" | "APPROVED" | "REJECTED";
  rejectReason?: string;
};

const smartCommunityBody = `## 一、总体要求

以“一网通办”为牵引，到2030年基本建成覆盖全市城乡社区的综合服务设施和信息平台，社区服务事项网上可办率达到90%以上。

## 二、主要任务

1. **完善社区服务设施。** 新建住宅小区按每百户不低于30平方米配建社区综合服务用房。
2. **推进社区服务信息化。** 依托市政务服务平台建设社区服务应用，居民在社区即可办理社保、民政、户籍等高频事项。
3. **加强社区工作者队伍建设。** 每万名城镇常住人口配备社区工作者不少于18人。

## 三、保障措施

各区（市）县政府是本规划实施的责任主体，市民政局会同有关部门每年对实施情况开展评估。`;

const communityItBody = `## 第一条

为推进社区公共服务信息化，方便群众就近办事，结合本市实际，提出本实施意见。

## 第二条

社区综合服务站应当配备自助服务终端，提供社保查询、证明开具、预约挂号等服务，并安排工作人员帮助老年人使用。

## 第三条

社区公共服务信息系统应当与市政务服务平台互联互通，居民已提交的材料不再重复提交。`;

const employmentBody = `## 第一条

为做好就业困难人员认定工作，根据《中华人民共和国就业促进法》，制定本办法。

## 第二条

本办法所称就业困难人员，是指因身体状况、技能水平、家庭因素、失去土地等原因难以实现就业，以及连续失业一定时间仍未能实现就业的人员。

## 第三条

就业困难人员认定由本人向户籍所在地或常住地社区（村）提出申请，街道（乡镇）劳动保障机构审核，区（市）县人力资源和社会保障部门认定。`;

const elderlyCareBody = `## 第一条

为满足老年人就近养老需求，规范社区居家养老服务设施配建，制定本规定。

## 第二条

新建住宅小区应当按照每百户不低于20平方米的标准配建社区居家养老服务用房，与住宅同步规划、同步建设、同步验收、同步交付。

## 第三条

已建成住宅小区无养老服务设施或者现有设施未达到标准的，所在区（市）县政府应当通过购置、置换、租赁等方式予以配置。`;

const dataSharingBody = `## 第一条

为规范政务数据共享开放，提升政府治理能力，制定本办法。

## 第二条

政务数据以共享为原则、不共享为例外；无条件共享的数据通过市政务数据共享平台直接获取。

## 第三条

涉及个人信息的政务数据，开放前应当经过脱敏处理。`;

/**
 * The seeded consultations: an open 重大行政决策 with comments in every state, an open ordinary
 * draft, one whose period has ended and that waits for the editor to close it and write the
 * feedback, one closed with its feedback and final document, and a draft.
 */
export async function seedConsultations(
  prisma: PrismaClient,
  deptId: (code: string) => string,
  now = new Date(),
): Promise<number> {
  const editor = await prisma.user.findUnique({
    where: { email: "editor@example.cn" },
    select: { id: true },
  });
  const users = new Map(
    (
      await prisma.user.findMany({
        where: { email: { in: ["citizen@example.cn", "citizen2@example.cn"] } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.email, u.id]),
  );
  const finalDocument = await prisma.disclosureDocument.findFirst({
    where: { title: "成都市就业困难人员认定管理办法", status: "PUBLISHED" },
    select: { id: true },
  });
  const specs: {
    id: string;
    title: string;
    department: string;
    summary: string;
    body: string;
    kind: "ORDINARY" | "MAJOR";
    status: "DRAFT" | "OPEN" | "CLOSED" | "FEEDBACK_PUBLISHED";
    opensAt: Date;
    closesAt: Date;
    comments: TSeedComment[];
    feedback?: { text: string; adopted: number; partly: number; notAdopted: number; on: Date };
  }[] = [
    {
      id: "consult-community-plan",
      title: "成都市城乡社区服务体系建设规划（2026—2030年）（征求意见稿）",
      department: "MZJ",
      summary:
        "为推进城乡社区服务体系建设，市民政局起草了本规划。本规划属于重大行政决策事项，现公开征求社会各界意见，征求意见期限为35日。",
      body: smartCommunityBody,
      kind: "MAJOR",
      status: "OPEN",
      opensAt: dayFrom(now, -10),
      closesAt: dayFrom(now, 25),
      comments: [
        {
          by: "citizen@example.cn",
          status: "APPROVED",
          body: "建议把社区食堂和老年助餐点纳入社区综合服务设施的配建标准。",
        },
        {
          by: "citizen2@example.cn",
          status: "APPROVED",
          body: "希望自助服务终端支持社保卡和电子社保卡两种方式。",
        },
        {
          by: "citizen@example.cn",
          status: "APPROVED",
          private: true,
          body: "我所在的小区至今没有社区用房，希望规划落实到每个老旧小区。",
        },
        {
          by: "citizen2@example.cn",
          status: "REJECTED",
          rejectReason: "内容与本规划无关",
          body: "请问公积金怎么提取？",
        },
        {
          by: "citizen2@example.cn",
          status: "PENDING",
          body: "社区工作者的配备标准建议按服务人口和面积综合确定。",
        },
      ],
    },
    {
      id: "consult-community-it",
      title: "关于推进社区公共服务信息化建设的实施意见（征求意见稿）",
      department: "MZJ",
      summary: "为方便群众在社区就近办事，市民政局起草了本实施意见，现公开征求意见。",
      body: communityItBody,
      kind: "ORDINARY",
      status: "OPEN",
      opensAt: dayFrom(now, -3),
      closesAt: dayFrom(now, 12),
      comments: [],
    },
    {
      id: "consult-elderly-care",
      title: "成都市社区居家养老服务设施配建规定（征求意见稿）",
      department: "MZJ",
      summary: "市民政局起草了本规定，对新建和已建成住宅小区的养老服务用房配建提出要求，现已结束征求意见。",
      body: elderlyCareBody,
      kind: "ORDINARY",
      status: "OPEN",
      opensAt: dayFrom(now, -20),
      closesAt: dayFrom(now, -2),
      comments: [
        {
          by: "citizen2@example.cn",
          status: "APPROVED",
          body: "建议已建成小区的养老服务用房优先利用闲置的社区用房改造。",
        },
        { by: "citizen@example.cn", status: "APPROVED", body: "建议把配建标准提高到每百户30平方米。" },
      ],
    },
    {
      id: "consult-employment-measures",
      title: "成都市就业困难人员认定管理办法（征求意见稿）",
      department: "RSJ",
      summary:
        "市人力资源和社会保障局起草了《成都市就业困难人员认定管理办法（征求意见稿）》，公开征求社会各界意见。",
      body: employmentBody,
      kind: "ORDINARY",
      status: "FEEDBACK_PUBLISHED",
      opensAt: new Date("2018-04-01T16:00:00Z"),
      closesAt: new Date("2018-05-01T16:00:00Z"),
      comments: [
        { by: "citizen@example.cn", status: "APPROVED", body: "建议将连续失业6个月以上的人员纳入认定范围。" },
        {
          by: "citizen2@example.cn",
          status: "APPROVED",
          body: "申请地点建议允许在常住地社区提出，不限于户籍地。",
        },
        {
          by: "citizen@example.cn",
          status: "APPROVED",
          private: true,
          body: "我家属于零就业家庭，希望认定程序简化。",
        },
      ],
      feedback: {
        text: "征求意见期间共收到意见3条。\n\n- **采纳**：申请地点扩大到常住地社区（村），已写入第三条。\n- **部分采纳**：零就业家庭成员认定程序已简化，但仍需提供家庭成员就业情况材料。\n- **未采纳**：连续失业时间的认定标准按国家规定执行，本办法不作调整。",
        adopted: 1,
        partly: 1,
        notAdopted: 1,
        on: new Date("2018-06-20T01:00:00Z"),
      },
    },
    {
      id: "consult-data-sharing",
      title: "成都市政务数据共享开放管理办法（征求意见稿）",
      department: "JXW",
      summary: "市经济和信息化局起草了本办法，拟于近期公开征求意见。",
      body: dataSharingBody,
      kind: "ORDINARY",
      status: "DRAFT",
      opensAt: dayFrom(now, 7),
      closesAt: dayFrom(now, 37),
      comments: [],
    },
  ];
  for (const spec of specs) {
    if (await prisma.consultation.findUnique({ where: { id: spec.id }, select: { id: true } })) continue;
    const published = spec.status === "FEEDBACK_PUBLISHED";
    await prisma.consultation.create({
      data: {
        id: spec.id,
        title: spec.title,
        summary: spec.summary,
        body: spec.body,
        kind: spec.kind,
        status: spec.status,
        departmentId: deptId(spec.department),
        authorId: editor?.id,
        opensAt: spec.opensAt,
        closesAt: spec.closesAt,
        openedAt: spec.status === "DRAFT" ? null : spec.opensAt,
        closedAt: published ? spec.closesAt : null,
        feedback: spec.feedback?.text,
        adoptedCount: spec.feedback?.adopted ?? 0,
        partlyAdoptedCount: spec.feedback?.partly ?? 0,
        notAdoptedCount: spec.feedback?.notAdopted ?? 0,
        feedbackPublishedAt: spec.feedback?.on,
        finalDocumentId: published ? finalDocument?.id : null,
        comments: {
          create: spec.comments.map((comment, index) => {
            const at = new Date(Math.min(spec.opensAt.getTime() + (index + 1) * day, now.getTime()));
            const moderated = comment.status !== "PENDING";
            return {
              authorId: users.get(comment.by),
              body: comment.body,
              private: comment.private ?? false,
              status: comment.status,
              rejectReason: comment.rejectReason,
              moderatorId: moderated ? editor?.id : null,
              moderatedAt: moderated ? at : null,
              createdAt: at,
            };
          }),
        },
      },
    });
  }
  return specs.length;
}
