import { z } from "zod";
import { ZCodeList } from "../shared/codeList";
import themes from "./themes.json";

/**
 * Life-event themes, by the audience they serve (the codes are data: themes.json); labels live in
 * locales/<lng>/catalog.json under theme.<code>.
 */
const { PERSON, LEGAL_PERSON } = z.object({ PERSON: ZCodeList, LEGAL_PERSON: ZCodeList }).parse(themes);

export const personThemes: readonly string[] = PERSON;
export const legalPersonThemes: readonly string[] = LEGAL_PERSON;
export const allThemes: readonly string[] = [...personThemes, ...legalPersonThemes];
