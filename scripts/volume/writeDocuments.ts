/** Writes generated disclosure documents and the 索引号 serials they take. */
import type { PrismaClient } from "../../lib/db/generated/client";
import type { TDepartmentRef } from "./content";
import { makeDocument } from "./content";
import { insertRows, ts, type TRow } from "./insert";
import { existing, inBatches, pad, type TGeneration } from "./batches";

const volumeDocumentId = (index: number) => `vol-d-${pad(index, 7)}`;

/**
 * The seeded departments that documents are generated for, with their ids. The bodies that only issue
 * documents (成都市人民政府) are left out, so the generated set stays what it was before they were seeded.
 */
async function departmentRefs(prisma: PrismaClient) {
  const departments = await prisma.department.findMany({
    where: { issuerOnly: false },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, name: true, shortName: true },
  });
  if (!departments.length) throw new Error("no departments: seed the demo data first (npm run db:seed)");
  return departments;
}

/** Documents up to options.documents, resuming after the last committed batch; returns how many there are. */
export async function writeDocuments(generation: TGeneration): Promise<number> {
  const { prisma, options, run, types, log } = generation;
  const departments = await departmentRefs(prisma);
  const deptRefs: TDepartmentRef[] = departments;
  const deptId = new Map(departments.map((d) => [d.code, d.id]));
  const serials = new Map(
    (await prisma.indexSerial.findMany()).map((s) => [`${s.departmentCode}/${s.year}`, s.value]),
  );
  const from = await existing(prisma, "DisclosureDocument", "vol-d-");
  if (from >= options.documents) return from;
  if (from) log(`  documents: resuming after ${from.toLocaleString("en")}`);
  await inBatches(generation, from, options.documents, "documents", async (start, end) => {
    const rows: TRow<"DisclosureDocument">[] = [];
    const touched = new Set<string>();
    for (let index = start; index < end; index++) {
      const doc = makeDocument({ seed: run.seed, index, endDay: run.endDay, departments: deptRefs });
      const key = `${doc.department}/${doc.year}`;
      const serial = (serials.get(key) ?? 0) + 1;
      if (serial > 99_999) throw new Error(`index serial for ${key} exhausted`);
      serials.set(key, serial);
      touched.add(key);
      const published = ts(doc.publishedAt);
      rows.push({
        id: volumeDocumentId(index),
        indexNo: `${key}-${pad(serial, 5)}`,
        title: doc.title,
        titleEn: doc.titleEn,
        category: doc.category,
        docType: doc.docType,
        departmentId: deptId.get(doc.department) ?? null,
        docNumber: doc.docNumberPrefix
          ? `${doc.docNumberPrefix}〔${doc.year}〕${((serial - 1) % 9999) + 1}号`
          : null,
        keywords: doc.keywords,
        writtenOn: doc.writtenOn,
        madeOn: doc.writtenOn,
        publishedAt: published,
        publishedYear: doc.publishedYear,
        validity: doc.validity,
        validityFrom: doc.validityFrom,
        source: doc.source,
        summary: doc.summary,
        body: doc.body,
        status: "PUBLISHED",
        createdAt: published,
        updatedAt: published,
      });
    }
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, types, "DisclosureDocument", rows);
        await insertRows(
          tx,
          types,
          "IndexSerial",
          [...touched].map((key) => ({
            departmentCode: key.split("/")[0],
            year: Number(key.split("/")[1]),
            value: serials.get(key) ?? 0,
          })),
          `ON CONFLICT ("departmentCode", "year") DO UPDATE SET "value" = GREATEST("IndexSerial"."value", EXCLUDED."value")`,
        );
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return rows.length;
  });
  return options.documents;
}
