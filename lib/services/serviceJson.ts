import type { getService, listServices } from "./queries";

type TListedService = Awaited<ReturnType<typeof listServices>>[number];
type TGuideService = NonNullable<Awaited<ReturnType<typeof getService>>>;

/** A service as the API's catalogue lists it. */
export function serviceSummaryJson(service: TListedService | TGuideService) {
  return {
    code: service.code,
    name: service.name,
    nameEn: service.nameEn,
    type: service.type,
    audience: service.audience,
    themes: service.themes,
    department: {
      code: service.department.code,
      name: service.department.name,
      nameEn: service.department.nameEn,
    },
    visits: service.visits,
    promisedDays: service.promisedDays,
    statutoryDays: service.statutoryDays,
  };
}

/** A service's whole 办事指南 with its application form, as the API serves one service. */
export function serviceGuideJson(service: TGuideService) {
  const { department } = service;
  return {
    ...serviceSummaryJson(service),
    department: {
      code: department.code,
      name: department.name,
      nameEn: department.nameEn,
      shortName: department.shortName,
      phone: department.phone,
      email: department.email,
      address: department.address,
      hours: department.hours,
    },
    // how statutoryDays counts (WORKING or CALENDAR days) and the law that sets it; statutoryDays
    // is null where no law sets a period
    statutoryDayCount: service.statutoryDayCount,
    statutorySource: service.statutorySource,
    summary: service.summary,
    summaryEn: service.summaryEn,
    legalBasis: service.legalBasis,
    conditions: service.conditions,
    materials: service.materials,
    process: service.process,
    specialSteps: service.specialSteps,
    fee: service.fee,
    location: service.location,
    hours: service.hours,
    consultPhone: service.consultPhone,
    complaintPhone: service.complaintPhone,
    resultName: service.resultName,
    resultSample: service.resultSample,
    delivery: service.delivery,
    faq: service.faq,
    version: service.version,
    updatedAt: service.updatedAt.toISOString(),
    form: service.form,
  };
}
