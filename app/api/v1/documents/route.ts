import { z } from "zod";
import { listDocuments } from "@/lib/disclosure/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";
import { departmentCodePattern } from "@/lib/disclosure/indexNumbers";
import { publicListRoute } from "@/lib/api/publicList";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(disclosureCategories).optional(),
  department: z.string().regex(departmentCodePattern).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  docType: z.enum(docTypes).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** The proactive-disclosure catalogue (`?q=&category=&department=&year=&docType=&page=`). */
export const GET = publicListRoute({
  schema: ZQuery,
  read: listDocuments,
  item: (d) => ({
    indexNo: d.indexNo,
    title: d.title,
    titleEn: d.titleEn,
    docNumber: d.docNumber,
    category: d.category,
    validity: d.validity,
    publishedAt: d.publishedAt,
    department: { code: d.department.code, name: d.department.shortName, nameEn: d.department.nameEn },
  }),
});
