import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/db/generated/client";
import { guideFileName, guideFileSlots } from "../../lib/services/guideFiles";
import type { SeedService } from "./types";

/** Where the demo guides' files are (written by scripts/make-guide-files.ts, committed). */
export const guideFilesDir = path.join(import.meta.dirname, "files");

/**
 * Stores each demo guide's files (blank forms, samples, result samples) from the committed PDFs;
 * a file that is missing is left out, so the guide shows its name without a link.
 */
export async function seedGuideFiles(prisma: PrismaClient, services: SeedService[]): Promise<number> {
  let stored = 0;
  for (const service of services) {
    const { id: serviceId } = await prisma.service.findUniqueOrThrow({
      where: { code: service.code },
      select: { id: true },
    });
    for (const slot of guideFileSlots(service)) {
      const file = path.join(guideFilesDir, service.code, `${slot.slug}.pdf`);
      if (!fs.existsSync(file)) continue;
      const content = new Uint8Array(fs.readFileSync(file));
      const data = {
        kind: slot.kind,
        materialId: slot.materialId,
        fileName: guideFileName(slot.title),
        mimeType: "application/pdf",
        size: content.byteLength,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
      };
      await prisma.guideFile.upsert({
        where: { serviceId_slug: { serviceId, slug: slot.slug } },
        create: { serviceId, slug: slot.slug, ...data },
        update: data,
      });
      stored++;
    }
  }
  return stored;
}
