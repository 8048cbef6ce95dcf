/** Writes generated cases with their events, ratings and the 办件编号 serials they take. */
import { ZFormDefinition } from "../../lib/services/form-definition";
import { addCalendarDays, addWorkingDays, chinaDay } from "../../lib/calendar/workdays";
import type { DayCount } from "../../lib/db/generated/enums";
import { idCardWithCheck, makeCase, type TApplicantRef, type TServiceRef } from "./cases";
import { insertRows, ts, type TRow } from "./insert";
import { communityRefs, existing, inBatches, pad, type TGeneration } from "./batches";

const volumeCaseId = (index: number) => `vol-a-${pad(index, 8)}`;

/** Cases up to options.cases, resuming after the last committed batch; returns the events written. */
export async function writeCases(generation: TGeneration): Promise<number> {
  const { prisma, options, run, types, log } = generation;
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
      statutoryDayCount: true,
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
  const due = (day: string, n: number, count: DayCount = "WORKING") => {
    const key = `${day}|${n}|${count}`;
    let found = dueCache.get(key);
    if (!found)
      dueCache.set(key, (found = (count === "CALENDAR" ? addCalendarDays : addWorkingDays)(day, n)));
    return found;
  };

  const from = await existing(prisma, "Application", "vol-a-");
  if (from >= options.cases) return 0;
  if (from) log(`  cases: resuming after ${from.toLocaleString("en")}`);
  let eventCount = 0;
  await inBatches(generation, from, options.cases, "cases (with events)", async (start, end) => {
    const cases: TRow<"Application">[] = [];
    const events: TRow<"CaseEvent">[] = [];
    const ratings: TRow<"Rating">[] = [];
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
      const statutory =
        made.acceptedAt && service.statutoryDays !== null
          ? due(chinaDay(made.acceptedAt), service.statutoryDays, service.statutoryDayCount)
          : null;
      const last = made.events[made.events.length - 1].at;
      cases.push({
        id,
        trackingNumber: `SV${day}${pad(serial, 6)}`,
        accessCode: made.accessCode,
        serviceId: service.id,
        applicantId: applicant.id,
        assigneeId: assignee,
        status: made.status,
        answers: JSON.stringify(made.answers),
        submittedAt: ts(made.submittedAt),
        acceptedAt: ts(made.acceptedAt),
        decidedAt: ts(made.decidedAt),
        completedAt: ts(made.completedAt),
        promisedDue: promised?.due ?? null,
        statutoryDue: statutory?.due ?? null,
        dueProvisional: Boolean(promised?.provisional || statutory?.provisional),
        calendarVersion: promised?.calendarVersion ?? null,
        version: made.events.length,
        updatedAt: ts(last),
      });
      made.events.forEach((event, k) => {
        events.push({
          id: `vol-e-${pad(index, 8)}-${k}`,
          applicationId: id,
          actorId: event.byStaff ? assignee : applicant.id,
          kind: event.kind,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          reason: event.reason,
          data: event.data === null ? null : JSON.stringify(event.data),
          createdAt: ts(event.at),
        });
      });
      if (made.rating) {
        const bad = made.rating.level <= 2;
        const followUpDue = bad ? due(chinaDay(made.rating.at), 10).due : null;
        const closed = bad && followUpDue !== null && followUpDue < run.endDay;
        ratings.push({
          id: `vol-r-${pad(index, 8)}`,
          applicationId: id,
          level: made.rating.level,
          comment: made.rating.comment,
          createdAt: ts(made.rating.at),
          followUpStatus: bad ? (closed ? "CLOSED" : "OPEN") : null,
          followUpDue,
        });
      }
    }
    eventCount += events.length;
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, types, "Application", cases);
        await insertRows(tx, types, "CaseEvent", events);
        await insertRows(tx, types, "Rating", ratings);
        await insertRows(
          tx,
          types,
          "DailySerial",
          [...touched].map((day) => ({ kind: "SV", day, value: daily.get(day) ?? 0 })),
          `ON CONFLICT ("kind", "day") DO UPDATE SET "value" = GREATEST("DailySerial"."value", EXCLUDED."value")`,
        );
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return cases.length + events.length + ratings.length;
  });
  return eventCount;
}
