/**
 * Writes the demo guides' downloadable files (blank forms, samples, result samples) as small PDFs
 * into prisma/seed/files/{service code}/{slug}.pdf, which the seed stores. Run again after a
 * guide in prisma/seed/data names a new file:
 *   node --import tsx --import ./scripts/serverOnly.mjs scripts/make-guide-files.ts
 */
import fs from "node:fs";
import path from "node:path";
import { services } from "../prisma/seed/data/services";
import { departments } from "../prisma/seed/data/departments";
import { guideFileSlots } from "../lib/services/guideFiles";
import { renderGuideFilePdf } from "../lib/services/guideFilePdf";
import { guideFilesDir } from "../prisma/seed/guideFiles";

async function main() {
  let written = 0;
  for (const service of services) {
    const department = departments.find((d) => d.code === service.department);
    for (const slot of guideFileSlots(service)) {
      const bytes = await renderGuideFilePdf({
        kind: slot.kind,
        title: slot.title,
        serviceName: service.name,
        departmentName: department?.name ?? "",
      });
      const file = path.join(guideFilesDir, service.code, `${slot.slug}.pdf`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      written++;
    }
  }
  console.log(`${written} guide files written to ${guideFilesDir}`);
  process.exit(0);
}

void main();
