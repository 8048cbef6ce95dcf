/**
 * Made-up cases (办件) for the volume generator: a service, an applicant, answers to the
 * service's own form, a status reached through the lifecycle's real transitions, and the
 * events on the way. Pure: the same (seed, index) gives the same case.
 */
import type { TFormDefinition, TFormField } from "../../lib/services/form-definition";
import type { TCaseStatus, TCaseStep } from "../../lib/cases/caseWorkflow";
import { caseWorkflow } from "../../lib/cases/caseWorkflow";
import { isFieldShown } from "../../lib/services/answers";
import { rowRandom, type TRandom, type TRowInput } from "./prng";
import { addDays, type TCommunityRef } from "./content";
import { vocabulary } from "./vocabulary";

const accessCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export type TServiceRef = {
  code: string;
  audience: "PERSON" | "LEGAL_PERSON";
  hot: boolean;
  form: TFormDefinition;
};
export type TApplicantRef = { name: string; idNumber: string; phone: string; email: string };

type TGeneratedEvent = {
  kind: string;
  fromStatus: TCaseStatus | null;
  toStatus: TCaseStatus;
  at: Date;
  byStaff: boolean;
  reason: string | null;
  data: unknown;
};

export type TGeneratedCase = {
  serviceIndex: number;
  /** index into the applicants of the service's audience */
  applicantIndex: number;
  accessCode: string;
  status: TCaseStatus;
  answers: Record<string, string | string[]>;
  submittedAt: Date;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  completedAt: Date | null;
  events: TGeneratedEvent[];
  rating: { level: number; comment: string | null; at: Date } | null;
};

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A 身份证号 with its GB 11643 check character, from 17 digits. */
export function idCardWithCheck(first17: string): string {
  const sum = idWeights.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return first17 + "10X98765432"[sum % 11];
}

const companies = [
  "成都蓉城科技有限公司",
  "成都天府软件园有限公司",
  "四川锦官城餐饮管理有限公司",
  "成都市双流区航都物流有限公司",
  "成都青城建筑工程有限公司",
  "成都浣花文化传播有限公司",
];

function answerFor(
  random: TRandom,
  field: TFormField,
  ctx: {
    applicant: TApplicantRef;
    organisation: TApplicantRef;
    representative: TApplicantRef;
    day: string;
    place: TCommunityRef;
  },
): string | string[] | undefined {
  const { clauses } = vocabulary();
  const clip = (text: string, max = 200) => text.slice(0, field.maxLength ?? max);
  switch (field.type) {
    case "text":
      if (/name/i.test(field.name) && !/company|org|unit|employer|school|hospital/i.test(field.name))
        return clip(ctx.applicant.name);
      if (/company|org|employer|unit|enterprise/i.test(field.name)) return clip(random.pick(companies));
      return clip(random.pick(clauses), 50);
    case "textarea":
      return clip(`${random.pick(clauses)}，${random.pick(clauses)}。`, 500);
    case "number": {
      const min = field.min ?? 1;
      const max = field.max ?? Math.max(min, 100);
      return String(random.int(Math.ceil(min), Math.floor(max)));
    }
    case "date":
      return addDays(ctx.day, random.int(-30, 0));
    case "select":
    case "radio":
      return field.options?.length ? random.pick(field.options).value : undefined;
    case "checkbox":
      return field.options?.length ? [random.pick(field.options).value] : undefined;
    case "idCard":
      // an organisation's form asks for its legal representative's 身份证号
      return /^\d{17}[\dX]$/.test(ctx.applicant.idNumber)
        ? ctx.applicant.idNumber
        : ctx.representative.idNumber;
    case "creditCode":
      return ctx.organisation.idNumber;
    case "mobile":
      return ctx.applicant.phone;
    case "email":
      return ctx.applicant.email;
    case "address":
      return clip(
        `成都市${ctx.place.districtName}${ctx.place.streetName}${ctx.place.name}${random.int(1, 120)}号${random.int(1, 30)}栋${random.int(1, 6)}单元`,
      );
    case "file":
      return undefined;
  }
}

/** Answers to a form, field by field, honouring showIf; uploads are left out. */
function answersFor(
  random: TRandom,
  form: TFormDefinition,
  ctx: Parameters<typeof answerFor>[2],
): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const field of form.steps.flatMap((step) => step.fields)) {
    if (!isFieldShown(field, answers)) continue;
    if (!field.required && random.chance(0.3)) continue;
    const value = answerFor(random, field, ctx);
    if (value !== undefined) answers[field.name] = value;
  }
  return answers;
}

// the path of transitions that ends in each status
const happyPath: TCaseStep[] = ["startPreReview", "accept", "startReview"];
function pathTo(random: TRandom, status: TCaseStatus): TCaseStep[] {
  const supplement: TCaseStep[] = random.chance(0.15) ? ["requestSupplement", "supplyMaterials"] : [];
  const decision: TCaseStep = random.chance(0.08) ? "deny" : "approve";
  switch (status) {
    case "SUBMITTED":
      return [];
    case "PRE_REVIEW":
      return ["startPreReview", ...supplement];
    case "SUPPLEMENT":
      return ["startPreReview", "requestSupplement"];
    case "ACCEPTED":
      return ["startPreReview", ...supplement, "accept"];
    case "REJECTED":
      return ["startPreReview", "reject"];
    case "REVIEWING":
      return ["startPreReview", ...supplement, "accept", "startReview"];
    case "APPROVED":
      return [...happyPath, "approve"];
    case "DENIED":
      return [...happyPath, "deny"];
    case "COMPLETED":
      return ["startPreReview", ...supplement, "accept", "startReview", decision, "complete"];
    case "DELIVERED":
      return ["startPreReview", ...supplement, "accept", "startReview", decision, "complete", "deliver"];
    case "WITHDRAWN":
      return random.chance(0.5) ? ["withdraw"] : ["startPreReview", "withdraw"];
  }
}

const finishedWeights: [TCaseStatus, number][] = [
  ["DELIVERED", 72],
  ["COMPLETED", 8],
  ["REJECTED", 8],
  ["WITHDRAWN", 5],
];
const recentWeights: [TCaseStatus, number][] = [
  ["SUBMITTED", 10],
  ["PRE_REVIEW", 8],
  ["SUPPLEMENT", 5],
  ["ACCEPTED", 8],
  ["REVIEWING", 10],
  ["APPROVED", 4],
  ["DENIED", 1],
  ["COMPLETED", 10],
  ["DELIVERED", 30],
  ["REJECTED", 4],
  ["WITHDRAWN", 3],
];
const rejectReasons = ["申请材料不齐全且逾期未补正", "申请事项不属于本机关职权范围", "申请人不符合受理条件"];
const denyReasons = ["经审查不符合法定条件", "提供的材料与实际情况不符", "申请事项已办理，不得重复申请"];
const missingItems = ["身份证复印件不清晰", "缺少户口簿复印件", "申请表未签字", "证明材料已过有效期"];
const ratingComments = [
  "办理速度快，工作人员很耐心",
  "全程网办，很方便",
  "审核时间有点长",
  "指南写得很清楚",
  "补正通知不够具体",
];

/**
 * The index-th of `total` generated cases. `endDay` is the last day of the ten years; applicants
 * are the seeded citizens (persons) and organisations, chosen by the service's audience. A
 * resumed run must ask for the same total to make the same rows.
 */
export function makeCase(
  input: TRowInput & {
    /** how many cases the run makes: they are spread over the ten years in index order */
    total: number;
    services: TServiceRef[];
    persons: TApplicantRef[];
    organisations: TApplicantRef[];
    communities: TCommunityRef[];
  },
): TGeneratedCase {
  const { seed, index, total, endDay, services, persons, organisations, communities } = input;
  const random = rowRandom(seed, "case", index);
  const serviceIndex = random.weighted(services.map((service, i) => [i, service.hot ? 3 : 1] as const));
  const service = services[serviceIndex];
  const pool = service.audience === "PERSON" ? persons : organisations;
  const applicantIndex = random.int(0, pool.length - 1);
  const applicant = pool[applicantIndex];
  // cases come in time order (as 办件编号 do), more of them in recent years: row i of n sits at
  // sqrt(i/n) of the ten years, so each insert lands at the end of the 办件编号 index
  const position = 3650 * (1 - Math.sqrt(Math.min(1, (index + random.next()) / Math.max(total, index + 1))));
  const daysAgo = Math.floor(position);
  const day = addDays(endDay, -daysAgo);
  const end = Date.parse(`${endDay}T18:00:00+08:00`);
  const minuteOfDay = 7 * 60 + Math.floor((1 - (position - daysAgo)) * 15 * 60);
  const submittedAt = new Date(
    Math.min(
      end,
      Date.parse(`${day}T00:00:00+08:00`) +
        Math.min(minuteOfDay, 22 * 60 - 1) * 60_000 +
        random.int(0, 59_999),
    ),
  );
  const status = daysAgo > 60 ? random.weighted(finishedWeights) : random.weighted(recentWeights);

  const events: TGeneratedEvent[] = [
    {
      kind: "submit",
      fromStatus: null,
      toStatus: "SUBMITTED",
      at: submittedAt,
      byStaff: false,
      reason: null,
      data: null,
    },
  ];
  let at = submittedAt.getTime();
  let current: TCaseStatus = "SUBMITTED";
  const times: Partial<Record<TCaseStep, Date>> = {};
  for (const name of pathTo(random, status)) {
    at = Math.min(end, at + random.int(2, 48) * 3600_000 + random.int(0, 3599_999));
    const rule = caseWorkflow.steps[name];
    const reason =
      name === "reject" ? random.pick(rejectReasons) : name === "deny" ? random.pick(denyReasons) : null;
    const data = name === "requestSupplement" ? { missing: [random.pick(missingItems)] } : null;
    events.push({
      kind: name,
      fromStatus: current,
      toStatus: rule.to ?? current,
      at: new Date(at),
      byStaff: rule.by !== "applicant",
      reason,
      data,
    });
    times[name] = new Date(at);
    current = rule.to ?? current;
  }
  const completedAt = times.complete ?? null;
  const rated = completedAt && random.chance(0.4);
  const level = rated
    ? random.weighted([
        [5, 60],
        [4, 25],
        [3, 8],
        [2, 4],
        [1, 3],
      ] as const)
    : 0;
  return {
    serviceIndex,
    applicantIndex,
    accessCode: Array.from({ length: 6 }, () => random.pick([...accessCodeAlphabet])).join(""),
    status: current,
    answers: answersFor(random, service.form, {
      applicant,
      organisation: organisations[0] ?? applicant,
      representative: persons[0],
      day,
      place: random.pick(communities),
    }),
    submittedAt,
    acceptedAt: times.accept ?? null,
    decidedAt: times.approve ?? times.deny ?? null,
    completedAt,
    events,
    rating:
      rated && completedAt
        ? {
            level,
            comment: random.chance(0.3) ? random.pick(ratingComments) : null,
            at: new Date(Math.min(end, completedAt.getTime() + random.int(1, 72) * 3600_000)),
          }
        : null,
  };
}
