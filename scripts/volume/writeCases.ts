/** Writes generated cases with their events, ratings and the 办件编号 serials they take. */
import type { PrismaClient } from "../../lib/db/generated/client";
import { ZFormDefinition } from "../../lib/services/form-definition";
import { addWorkingDays, chinaDay } from "../../lib/calendar/workdays";
import type { TVolumeOptions } from "./args";
import { idCardWithCheck, makeCase, type TApplicantRef, type TServiceRef } from "./cases";
import { insertRows, ts, type TColumn, type TSqlValue } from "./insert";
import { communityRefs, existing, inBatches, pad, type TLog, type TRun } from "./batches";

export const volumeCaseId = (index: number) => `vol-a-${pad(index, 8)}`;

const caseColumns: TColumn[] = [
  ["id", ""],
  ["trackingNumber", ""],
  ["accessCode", ""],
  ["serviceId", ""],
  ["applicantId", ""],
  ["assigneeId", ""],
  ["status", '"CaseStatus"'],
  ["answers", "jsonb"],
  ["submittedAt", "timestamp(3)"],
  ["acceptedAt", "timestamp(3)"],
  ["decidedAt", "timestamp(3)"],
  ["completedAt", "timestamp(3)"],
  ["promisedDue", "date"],
  ["statutoryDue", "date"],
  ["dueProvisional", "boolean"],
  ["calendarVersion", ""],
  ["version", "int"],
  ["updatedAt", "timestamp(3)"],
];
const eventColumns: TColumn[] = [
  ["id", ""],
  ["applicationId", ""],
  ["actorId", ""],
  ["kind", ""],
  ["fromStatus", '"CaseStatus"'],
  ["toStatus", '"CaseStatus"'],
  ["reason", ""],
  ["data", "jsonb"],
  ["createdAt", "timestamp(3)"],
];
const ratingColumns: TColumn[] = [
  ["id", ""],
  ["applicationId", ""],
  ["level", "int"],
  ["comment", ""],
  ["createdAt", "timestamp(3)"],
  ["followUpStatus", '"FollowUpStatus"'],
  ["followUpDue", "date"],
];

/** Cases up to options.cases, resuming after the last committed batch; returns the events written. */
export async function writeCases(
  prisma: PrismaClient,
  options: TVolumeOptions,
  run: TRun,
  log: TLog,
): Promise<number> {
  const services = await prisma.service.findMany({
    where: { published: true },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      audience: true,
      hot: true,
      form: true,
      promisedDays: true,
      statutoryDays: true,
      department: { select: { code: true } },
    },
  });
  if (!services.length) throw new Error("no services: seed the demo data first (npm run db:seed)");
  const serviceRefs: TServiceRef[] = services.map((s) => ({
    code: s.code,
    audience: s.audience,
    hot: s.hot,
    form: ZFormDefinition.parse(s.form),
  }));
  const users = await prisma.user.findMany({
    where: { accountType: { in: ["PERSON", "ORGANISATION"] }, email: { endsWith: "@example.cn" } },
    orderBy: { email: "asc" },
  });
  const toRef = (u: (typeof users)[number], i: number): TApplicantRef & { id: string } => ({
    id: u.id,
    name: u.name,
    // a person seeded without a 身份证号 gets a made-up valid one
    idNumber:
      u.idNumber ??
      (u.accountType === "PERSON"
        ? idCardWithCheck(`51010719880512${pad(100 + i, 3)}`)
        : "91510100MA61RC8H2N"),
    phone: u.phone && /^1[3-9]\d{9}$/.test(u.phone) ? u.phone : `138002800${pad(i + 10, 2)}`,
    email: u.email,
  });
  const persons = users.filter((u) => u.accountType === "PERSON").map(toRef);
  const organisations = users.filter((u) => u.accountType === "ORGANISATION").map(toRef);
  if (!persons.length || !organisations.length)
    throw new Error("no citizen accounts: seed the demo data first (npm run db:seed)");
  const caseworkers = new Map<string, string>();
  for (const grant of await prisma.roleGrant.findMany({
    where: { role: "CASEWORKER" },
    select: { userId: true, department: { select: { code: true } } },
  })) {
    if (grant.department) caseworkers.set(grant.department.code, grant.userId);
  }
  const communities = await communityRefs(prisma);
  const daily = new Map(
    (await prisma.dailySerial.findMany({ where: { kind: "SV" } })).map((s) => [s.day, s.value]),
  );
  const dueCache = new Map<string, ReturnType<typeof addWorkingDays>>();
  const due = (day: string, n: number) => {
    const key = `${day}|${n}`;
    let found = dueCache.get(key);
    if (!found) dueCache.set(key, (found = addWorkingDays(day, n)));
    return found;
  };

  const from = await existing(prisma, "Application", "vol-a-");
  if (from >= options.cases) return 0;
  if (from) log(`  cases: resuming after ${from.toLocaleString("en")}`);
  let eventCount = 0;
  await inBatches(from, options.cases, options.batch, log, "cases (with events)", async (start, end) => {
    const cases: TSqlValue[][] = [];
    const events: TSqlValue[][] = [];
    const ratings: TSqlValue[][] = [];
    const touched = new Set<string>();
    for (let index = start; index < end; index++) {
      const made = makeCase({
        seed: run.seed,
        index,
        total: options.cases,
        endDay: run.endDay,
        services: serviceRefs,
        persons,
        organisations,
        communities,
      });
      const service = services[made.serviceIndex];
      const applicant = (service.audience === "PERSON" ? persons : organisations)[made.applicantIndex];
      const day = chinaDay(made.submittedAt).replace(/-/g, "");
      const serial = (daily.get(day) ?? 0) + 1;
      if (serial > 999_999) throw new Error(`daily serial for SV${day} exhausted`);
      daily.set(day, serial);
      touched.add(day);
      const id = volumeCaseId(index);
      const assignee = made.events.length > 1 ? (caseworkers.get(service.department.code) ?? null) : null;
      const promised = made.acceptedAt ? due(chinaDay(made.acceptedAt), service.promisedDays) : null;
      const statutory = made.acceptedAt ? due(chinaDay(made.acceptedAt), service.statutoryDays) : null;
      const last = made.events[made.events.length - 1].at;
      cases.push([
        id,
        `SV${day}${pad(serial, 6)}`,
        made.accessCode,
        service.id,
        applicant.id,
        assignee,
        made.status,
        JSON.stringify(made.answers),
        ts(made.submittedAt),
        ts(made.acceptedAt),
        ts(made.decidedAt),
        ts(made.completedAt),
        promised?.due ?? null,
        statutory?.due ?? null,
        Boolean(promised?.provisional || statutory?.provisional),
        promised?.calendarVersion ?? null,
        made.events.length,
        ts(last),
      ]);
      made.events.forEach((event, k) => {
        events.push([
          `vol-e-${pad(index, 8)}-${k}`,
          id,
          event.byStaff ? assignee : applicant.id,
          event.kind,
          event.fromStatus,
          event.toStatus,
          event.reason,
          event.data === null ? null : JSON.stringify(event.data),
          ts(event.at),
        ]);
      });
      if (made.rating) {
        const bad = made.rating.level <= 2;
        const followUpDue = bad ? due(chinaDay(made.rating.at), 10).due : null;
        const closed = bad && followUpDue !== null && followUpDue < run.endDay;
        ratings.push([
          `vol-r-${pad(index, 8)}`,
          id,
          made.rating.level,
          made.rating.comment,
          ts(made.rating.at),
          bad ? (closed ? "CLOSED" : "OPEN") : null,
          followUpDue,
        ]);
      }
    }
    eventCount += events.length;
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, "Application", caseColumns, cases);
        await insertRows(tx, "CaseEvent", eventColumns, events);
        if (ratings.length) await insertRows(tx, "Rating", ratingColumns, ratings);
        await insertRows(
          tx,
          "DailySerial",
          [
            ["kind", ""],
            ["day", ""],
            ["value", "int"],
          ],
          [...touched].map((day) => ["SV", day, daily.get(day) ?? 0]),
          `ON CONFLICT ("kind", "day") DO UPDATE SET "value" = GREATEST("DailySerial"."value", EXCLUDED."value")`,
        );
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return cases.length + events.length + ratings.length;
  });
  return eventCount;
}
