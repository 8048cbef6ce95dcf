import { getService } from "@/lib/services/queries";
import { apiError, apiFailure } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** One service's whole 办事指南 with its application form definition; unknown codes are 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const { code } = await params;
    const service = code.length <= 64 ? await getService(code) : null;
    if (!service) return apiError(404, "not_found", "No published service has this code");
    const { department } = service;
    return Response.json(
      {
        code: service.code,
        name: service.name,
        nameEn: service.nameEn,
        type: service.type,
        audience: service.audience,
        themes: service.themes,
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
        summary: service.summary,
        summaryEn: service.summaryEn,
        legalBasis: service.legalBasis,
        conditions: service.conditions,
        materials: service.materials,
        process: service.process,
        specialSteps: service.specialSteps,
        statutoryDays: service.statutoryDays,
        promisedDays: service.promisedDays,
        fee: service.fee,
        location: service.location,
        hours: service.hours,
        consultPhone: service.consultPhone,
        complaintPhone: service.complaintPhone,
        visits: service.visits,
        resultName: service.resultName,
        resultSample: service.resultSample,
        delivery: service.delivery,
        faq: service.faq,
        version: service.version,
        updatedAt: service.updatedAt.toISOString(),
        form: service.form,
      },
      { headers: { "Cache-Control": "public, max-age=60" } },
    );
  } catch (error) {
    return apiFailure(error);
  }
}
